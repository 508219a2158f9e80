package dev.helios.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

/**
 * The seeds an {@code @SimulationTest} names, as written: ranges and single seeds, in order.
 *
 * @param spans the ranges, a single seed being a range of one, in the order written
 */
record SeedList(List<Span> spans) {
  /** The rule the text follows, for error messages. */
  static final String RULE = "write a range A..B (both included, A <= B), seeds separated by commas, or a mix,"
      + " e.g. \"0..99\", \"1,5,9\" or \"0..9,42\"";

  private static final Pattern ITEM = Pattern.compile("\\s*(-?\\d+)\\s*(?:\\.\\.\\s*(-?\\d+)\\s*)?");

  /** Seeds {@code from} to {@code to}, both included. */
  record Span(long from, long to) {
    boolean contains(long seed) {
      return from <= seed && seed <= to;
    }
  }

  SeedList {
    spans = List.copyOf(spans);
  }

  /**
   * Reads {@code text}, e.g. {@code "0..9,42"}.
   *
   * @throws IllegalArgumentException naming the text, the part at fault and the rule
   */
  static SeedList parse(String text) {
    List<Span> spans = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      Matcher matcher = ITEM.matcher(item);
      if (!matcher.matches()) {
        throw bad(text, "\"" + item.strip() + "\" is neither a seed nor a range");
      }
      try {
        long from = Long.parseLong(matcher.group(1));
        long to = matcher.group(2) == null ? from : Long.parseLong(matcher.group(2));
        if (from > to) {
          throw bad(text, "the range " + from + ".." + to + " runs from high to low");
        }
        spans.add(new Span(from, to));
      } catch (NumberFormatException e) {
        throw bad(text, "\"" + item.strip() + "\" holds a number that does not fit a long");
      }
    }
    return new SeedList(spans);
  }

  private static IllegalArgumentException bad(String text, String problem) {
    return new IllegalArgumentException(
        "@SimulationTest(seeds = \"" + text + "\") is not a list of seeds: " + problem + "; " + RULE);
  }

  /**
   * Every seed named, once each, in the order written, leaving out those in {@code skip}: lazily,
   * so a range of a billion seeds costs nothing until it runs.
   */
  LongStream seeds(Set<Long> skip) {
    LongStream all = LongStream.empty();
    for (int i = 0; i < spans.size(); i++) {
      int index = i;
      Span span = spans.get(i);
      all = LongStream.concat(all, LongStream.rangeClosed(span.from(), span.to())
          .filter(seed -> !skip.contains(seed) && !namedEarlier(index, seed)));
    }
    return all;
  }

  /** True if a span before {@code index} holds {@code seed}: it ran there already. */
  private boolean namedEarlier(int index, long seed) {
    for (int i = 0; i < index; i++) {
      if (spans.get(i).contains(seed)) {
        return true;
      }
    }
    return false;
  }
}
