package dev.helios.runtime.explore;

import dev.helios.runtime.fault.ScheduledFault;
import java.util.ArrayList;
import java.util.List;

/**
 * An exploration result as lines of text, for shard files: written by one process, read by the one
 * that merges. Strings are escaped to one line each; the space's digest guards against merging the
 * shards of different explorations.
 */
final class ResultText {
  private static final String HEADER = "helios-exploration 1";

  private ResultText() {}

  static String write(ExplorationResult result) {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    text.append("space ").append(Long.toHexString(result.space().digest)).append('\n');
    text.append("shard ").append(result.shardIndex()).append(' ').append(result.shardCount()).append('\n');
    text.append("scenarios ").append(result.scenarioCount()).append(' ').append(result.scenariosRunCount()).append(' ')
        .append(result.scenariosDedupedCount()).append('\n');
    text.append("violations ").append(result.violationCount()).append('\n');
    text.append("skipped");
    for (long count : result.skippedCounts()) {
      text.append(' ').append(count);
    }
    text.append('\n');
    for (Violation violation : result.violations()) {
      text.append("violation ").append(violation.scenarioIndex()).append(' ').append(violation.seed()).append(' ')
          .append(violation.untilMicros()).append(' ').append(violation.timeMicros()).append(' ')
          .append(violation.eventCount()).append(' ').append(Long.toHexString(violation.traceHash())).append('\n');
      text.append("check ").append(escape(violation.check())).append('\n');
      text.append("message ").append(escape(violation.message())).append('\n');
      text.append("faults ").append(violation.faultText()).append('\n');
      text.append("skipped-faults ").append(Violation.oneLine(violation.skipped())).append('\n');
    }
    return text.append("end\n").toString();
  }

  static ExplorationResult read(Space space, String text) {
    String[] lines = text.split("\n", -1);
    Reader reader = new Reader(lines);
    reader.expect(HEADER);
    long digest = Long.parseUnsignedLong(reader.field("space"), 16);
    if (digest != space.digest) {
      throw new IllegalArgumentException(
          "these results come from another exploration (space " + Long.toHexString(digest) + ", this one is "
              + Long.toHexString(space.digest) + "): the simulation, seeds, choices, checks or bound differ");
    }
    String[] shard = reader.field("shard").split(" ");
    String[] scenarios = reader.field("scenarios").split(" ");
    long violationCount = Long.parseLong(reader.field("violations"));
    String skippedLine = reader.field("skipped").trim();
    String[] skippedFields = skippedLine.isEmpty() ? new String[0] : skippedLine.split(" ");
    long[] skipped = new long[space.choiceCount()];
    if (skippedFields.length != skipped.length) {
      throw reader.error("expected " + skipped.length + " skipped counts, found " + skippedFields.length);
    }
    for (int i = 0; i < skipped.length; i++) {
      skipped[i] = Long.parseLong(skippedFields[i]);
    }
    List<Violation> violations = new ArrayList<>();
    while (!reader.peek().equals("end")) {
      String[] numbers = reader.field("violation").split(" ");
      String check = unescape(reader.field("check"));
      String message = unescape(reader.field("message"));
      List<ScheduledFault> faults = ScheduledFault.parseAll(reader.field("faults"));
      List<ScheduledFault> skippedFaults = ScheduledFault.parseAll(reader.field("skipped-faults"));
      violations.add(new Violation(space, Long.parseLong(numbers[0]), check, message, Long.parseLong(numbers[1]),
          faults, skippedFaults, Long.parseLong(numbers[2]), Long.parseLong(numbers[3]), Long.parseLong(numbers[4]),
          Long.parseUnsignedLong(numbers[5], 16)));
    }
    return new ExplorationResult(space, Integer.parseInt(shard[0]), Integer.parseInt(shard[1]),
        Long.parseLong(scenarios[0]), Long.parseLong(scenarios[1]), Long.parseLong(scenarios[2]),
        violationCount, skipped, violations);
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unescape(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Reads the lines in order, each {@code name value}, with errors that say which line. */
  private static final class Reader {
    private final String[] lines;
    private int next;

    Reader(String[] lines) {
      this.lines = lines;
    }

    String peek() {
      if (next >= lines.length) {
        throw error("the results end early; the file is cut short");
      }
      return lines[next];
    }

    void expect(String line) {
      if (!peek().equals(line)) {
        throw error("expected \"" + line + "\": this is not a Helios exploration result");
      }
      next++;
    }

    String field(String name) {
      String line = peek();
      if (!line.startsWith(name + " ") && !line.equals(name)) {
        throw error("expected a line starting \"" + name + "\", found \"" + line + "\"");
      }
      next++;
      return line.length() > name.length() ? line.substring(name.length() + 1) : "";
    }

    IllegalArgumentException error(String message) {
      return new IllegalArgumentException("exploration results, line " + (next + 1) + ": " + message);
    }
  }
}
