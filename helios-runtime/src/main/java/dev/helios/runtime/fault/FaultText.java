package dev.helios.runtime.fault;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The spelling of the fault language: how nodes, times and ratios are written, the checks the fault
 * records share, and the reader behind {@link Fault#parse} and {@link ScheduledFault#parse}.
 *
 * <p>The reader walks the text once with a cursor. Every error names the offending text, the rule
 * and a correct example; validation errors from the records are wrapped with the input in front.
 * ({@code \u00b5} is written as an escape so the source does not depend on the build's encoding.)
 */
final class FaultText {
  /** Every fault's first word, in the order messages list them. */
  static final List<String> NAMES =
      List.of(
          "crash",
          "restart",
          "partition",
          "heal",
          "isolate",
          "heal-all",
          "latency",
          "loss",
          "duplication");

  private static final String PARTITION_USAGE =
      "partition needs two nodes, as in \"partition 0-2\" (both ways) or \"partition 0->2\" (one"
          + " way)";
  private static final String HEAL_USAGE = "heal needs two nodes, as in \"heal 0-2\"";
  private static final String LATENCY_USAGE =
      "latency needs a link and a time, as in \"latency 0->1 5ms jitter 1ms\"";
  private static final String LOSS_USAGE =
      "loss needs a link and a ratio from 0 to 1, as in \"loss 0->1 0.25\"";
  private static final String DUPLICATION_USAGE =
      "duplication needs a link and a ratio from 0 to 1, as in \"duplication 0->1 0.1\"";

  /** Plain decimal digits, an optional fraction and exponent: no NaN, Infinity or hex. */
  private static final Pattern RATIO = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

  private final String text;
  private int position;

  private FaultText(String text) {
    this.text = text;
  }

  // ---- Writing

  /** A pair of nodes, both ways: {@code 0-2}. */
  static String pair(int a, int b) {
    return a + "-" + b;
  }

  /** A directed link: {@code 0->2}. */
  static String link(int from, int to) {
    return from + "->" + to;
  }

  /** A time in whole milliseconds when it is one, else in microseconds: 0ms, 50ms, 1500us. */
  static String time(long micros) {
    return micros % 1_000 == 0 ? micros / 1_000 + "ms" : micros + "us";
  }

  /** A ratio as {@link Double#toString}, which {@link Double#parseDouble} reads back exactly. */
  static String ratio(double ratio) {
    return Double.toString(ratio);
  }

  // ---- Checks the records share; each takes the fault's text form, to name the value

  static void checkNode(String fault, int node) {
    if (node < 0) {
      throw new IllegalArgumentException(
          fault + ": node ids are zero or more, got " + node + "; nodes are numbered from 0");
    }
  }

  static void checkPair(String fault, int a, int b, String verb) {
    checkNode(fault, a);
    checkNode(fault, b);
    if (a == b) {
      throw new IllegalArgumentException(
          fault + ": a node cannot be " + verb + " from itself; name two different nodes");
    }
  }

  static void checkMicros(String fault, String what, long micros, String fix) {
    if (micros < 0) {
      throw new IllegalArgumentException(
          fault + ": " + what + " must be zero or more, got " + micros + " \u00b5s; " + fix);
    }
  }

  /** Returns the ratio with -0.0 made 0.0, so that equal shares make equal faults and digests. */
  static double checkRatio(String fault, String what, double ratio) {
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException(
          fault + ": " + what + " is from 0 to 1, got " + ratio + "; write a share such as 0.25");
    }
    return ratio == 0 ? 0.0 : ratio;
  }

  // ---- Reading

  static Fault parseFault(String text) {
    FaultText reader = new FaultText(Objects.requireNonNull(text, "text").strip());
    return reader.read(reader::wholeFault);
  }

  static ScheduledFault parseScheduled(String text) {
    FaultText reader = new FaultText(Objects.requireNonNull(text, "text").strip());
    return reader.read(reader::wholeScheduledFault);
  }

  /** Runs {@code reading}, turning the records' validation errors into syntax errors. */
  private <T> T read(Supplier<T> reading) {
    try {
      return reading.get();
    } catch (FaultSyntaxException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new FaultSyntaxException(prefix() + e.getMessage(), e);
    }
  }

  private Fault wholeFault() {
    Fault fault = fault();
    end(false);
    return fault;
  }

  private ScheduledFault wholeScheduledFault() {
    Fault fault = fault();
    String example = "\"" + fault + " @ 50ms\"";
    skipSpaces();
    if (atEnd()) {
      throw error("missing time: write " + example);
    }
    if (!skip("@")) {
      throw error(
          "expected \"@\" and a time after \""
              + done()
              + "\", found \""
              + token()
              + "\": write "
              + example);
    }
    long atMicros = time("missing time after \"@\": write " + example);
    end(true);
    return new ScheduledFault(fault, atMicros);
  }

  private Fault fault() {
    skipSpaces();
    if (atEnd()) {
      throw error("there is no fault; write one, as in \"crash 1\"");
    }
    String word = token();
    position += word.length();
    return switch (word) {
      case "crash" -> new Fault.Crash(node("crash needs a node, as in \"crash 1\""));
      case "restart" -> new Fault.Restart(node("restart needs a node, as in \"restart 1\""));
      case "partition" -> partition();
      case "heal" -> heal();
      case "isolate" -> new Fault.Isolate(node("isolate needs a node, as in \"isolate 3\""));
      case "heal-all" -> new Fault.HealAll();
      case "latency" -> latency();
      case "loss" -> {
        Pair link = link("loss", LOSS_USAGE);
        yield new Fault.LinkLossRatio(link.first, link.second, ratio(LOSS_USAGE));
      }
      case "duplication" -> {
        Pair link = link("duplication", DUPLICATION_USAGE);
        yield new Fault.LinkDuplicationRatio(link.first, link.second, ratio(DUPLICATION_USAGE));
      }
      default -> throw unknownFault(word);
    };
  }

  private FaultSyntaxException unknownFault(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (!lower.equals(word) && NAMES.contains(lower)) {
      return error(
          "unknown fault \"" + word + "\": keywords are lower case; write \"" + lower + "\"");
    }
    return error("unknown fault \"" + word + "\"; the faults are " + String.join(", ", NAMES));
  }

  private Fault partition() {
    Pair pair = pair(PARTITION_USAGE);
    return pair.oneWay
        ? new Fault.PartitionOneWay(pair.first, pair.second)
        : new Fault.Partition(pair.first, pair.second);
  }

  private Fault heal() {
    Pair pair = pair(HEAL_USAGE);
    if (pair.oneWay) {
      throw error(
          "heal ends the pair's partitions in both directions: write \"heal "
              + pair(pair.first, pair.second)
              + "\", not \"heal "
              + link(pair.first, pair.second)
              + "\"");
    }
    return new Fault.Heal(pair.first, pair.second);
  }

  private Fault latency() {
    Pair link = link("latency", LATENCY_USAGE);
    long latencyMicros = time("latency needs a time after the link, as in \"latency 0->1 5ms\"");
    long jitterMicros = 0;
    skipSpaces();
    if (token().equals("jitter")) {
      position += "jitter".length();
      jitterMicros = time("jitter needs a time, as in \"latency 0->1 5ms jitter 1ms\"");
    }
    return new Fault.LinkLatency(link.first, link.second, latencyMicros, jitterMicros);
  }

  /** Two nodes joined by {@code -} (both ways) or {@code ->} (one way), spaces allowed around. */
  private record Pair(int first, int second, boolean oneWay) {}

  private Pair pair(String usage) {
    int first = node(usage);
    skipSpaces();
    boolean oneWay = skip("->");
    if (!oneWay && !skip("-")) {
      throw error(usage);
    }
    return new Pair(first, node(usage), oneWay);
  }

  /** A pair that must be one way, as a link's settings are. */
  private Pair link(String name, String usage) {
    Pair pair = pair(usage);
    if (!pair.oneWay) {
      throw error(
          name
              + " changes one direction of a link: write \""
              + link(pair.first, pair.second)
              + "\", and a second fault for \""
              + link(pair.second, pair.first)
              + "\" if both are meant");
    }
    return pair;
  }

  /** A node id; a minus sign is read so that the record can refuse it with its own message. */
  private int node(String usage) {
    skipSpaces();
    if (!atNumber()) {
      throw error(atEnd() ? usage : "\"" + token() + "\" is not a node: " + usage);
    }
    int start = position;
    boolean negative = skip("-");
    BigInteger magnitude = new BigInteger(digits());
    if (magnitude.compareTo(INT_MAX) > 0) {
      throw error(
          "node "
              + text.substring(start, position)
              + " is too large: node ids go up to "
              + Integer.MAX_VALUE);
    }
    return negative ? -magnitude.intValue() : magnitude.intValue();
  }

  /** A whole number and a unit (us, \u00b5s, ms or s), a space between them allowed. */
  private long time(String usage) {
    skipSpaces();
    if (!atNumber()) {
      throw error(atEnd() ? usage : "\"" + token() + "\" is not a time: " + usage);
    }
    int start = position;
    boolean negative = skip("-");
    String digits = digits();
    String fraction = "";
    if (position + 1 < text.length() && text.charAt(position) == '.' && isDigit(position + 1)) {
      position++;
      fraction = digits();
    }
    String number = text.substring(start, position);
    int numberEnd = position;
    skipSpaces();
    int unitStart = position;
    String unit = letters();
    String written = text.substring(start, position);
    long unitMicros = unitMicros(unit);
    if (unitMicros == 0 && (unit.isEmpty() || unitStart > numberEnd)) {
      throw error(
          "time \""
              + number
              + "\" has no unit: write \""
              + number
              + "ms\", \""
              + number
              + "us\" or \""
              + number
              + "s\"");
    }
    if (unitMicros == 0) {
      throw error(
          "unknown unit \""
              + unit
              + "\" in \""
              + written
              + "\": times end in us, \u00b5s, ms or s, as in \"50ms\"");
    }
    if (!fraction.isEmpty()) {
      BigDecimal micros = new BigDecimal(number).multiply(BigDecimal.valueOf(unitMicros));
      String fix =
          micros.stripTrailingZeros().scale() <= 0
              ? "write \"" + micros.toBigInteger() + "us\""
              : "times are whole numbers of microseconds";
      throw error("time \"" + written + "\" is not a whole number: " + fix);
    }
    BigInteger micros = new BigInteger(digits).multiply(BigInteger.valueOf(unitMicros));
    if (micros.compareTo(LONG_MAX) > 0) {
      throw error(
          written
              + " is too large: times are counted in microseconds up to "
              + Long.MAX_VALUE
              + "us");
    }
    return negative ? -micros.longValue() : micros.longValue();
  }

  /** Microseconds per {@code unit}, or 0 if it is no unit. Both micro signs are accepted. */
  private static long unitMicros(String unit) {
    return switch (unit) {
      case "us", "\u00b5s", "\u03bcs" -> 1;
      case "ms" -> 1_000;
      case "s" -> 1_000_000;
      default -> 0;
    };
  }

  private double ratio(String usage) {
    skipSpaces();
    if (atEnd()) {
      throw error(usage);
    }
    String token = token();
    if (!RATIO.matcher(token).matches()) {
      throw error("\"" + token + "\" is not a ratio: " + usage);
    }
    position += token.length();
    return Double.parseDouble(token);
  }

  /** Refuses anything after the fault; {@code timed} says whether a time was read. */
  private void end(boolean timed) {
    skipSpaces();
    if (atEnd()) {
      return;
    }
    String rest = text.substring(position);
    String fix;
    if (rest.startsWith("@") && !timed) {
      fix =
          "a time makes a scheduled fault; read \""
              + done()
              + " @ 50ms\" with ScheduledFault.parse";
    } else if (rest.startsWith(";")) {
      fix = "this reads one fault; read several separated by \";\" with ScheduledFault.parseAll";
    } else {
      fix = "remove it, or write each fault on its own line";
    }
    throw error("unexpected \"" + rest + "\" after \"" + done() + "\": " + fix);
  }

  // ---- The cursor

  private FaultSyntaxException error(String reason) {
    return new FaultSyntaxException(prefix() + reason);
  }

  private String prefix() {
    return "cannot read fault \"" + text + "\": ";
  }

  /** The text read so far, for messages. */
  private String done() {
    return text.substring(0, position).strip();
  }

  /** The next word: one of {@code @ ; #}, or everything up to a space or one of them. */
  private String token() {
    int end = position;
    if (end < text.length() && isStop(text.charAt(end))) {
      return text.substring(end, end + 1);
    }
    while (end < text.length()
        && !Character.isWhitespace(text.charAt(end))
        && !isStop(text.charAt(end))) {
      end++;
    }
    return text.substring(position, end);
  }

  private static boolean isStop(char c) {
    return c == '@' || c == ';' || c == '#';
  }

  private boolean atEnd() {
    return position >= text.length();
  }

  /** True at a digit, or at a minus sign before one. */
  private boolean atNumber() {
    return isDigit(position) || (text.startsWith("-", position) && isDigit(position + 1));
  }

  private boolean isDigit(int index) {
    return index < text.length() && text.charAt(index) >= '0' && text.charAt(index) <= '9';
  }

  private boolean skip(String expected) {
    if (text.startsWith(expected, position)) {
      position += expected.length();
      return true;
    }
    return false;
  }

  private void skipSpaces() {
    while (!atEnd() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private String digits() {
    int start = position;
    while (isDigit(position)) {
      position++;
    }
    return text.substring(start, position);
  }

  private String letters() {
    int start = position;
    while (!atEnd() && Character.isLetter(text.charAt(position))) {
      position++;
    }
    return text.substring(start, position);
  }
}
