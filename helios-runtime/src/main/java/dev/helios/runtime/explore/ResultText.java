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
    Reader reader = new Reader(text.split("\n", -1));
    reader.expect(HEADER);
    long digest = reader.hex(reader.fields("space", 1)[0]);
    if (digest != space.digest) {
      throw new IllegalArgumentException(
          "these results come from another exploration (space " + Long.toHexString(digest) + ", this one is "
              + Long.toHexString(space.digest) + "): the simulation, seeds, choices, checks or bound differ");
    }
    String[] shard = reader.fields("shard", 2);
    String[] scenarios = reader.fields("scenarios", 3);
    long violationCount = reader.number(reader.fields("violations", 1)[0]);
    String[] skippedFields = reader.fields("skipped", space.choiceCount());
    long[] skipped = new long[space.choiceCount()];
    for (int i = 0; i < skipped.length; i++) {
      skipped[i] = reader.number(skippedFields[i]);
    }
    List<Violation> violations = new ArrayList<>();
    while (!reader.peek().equals("end")) {
      String[] numbers = reader.fields("violation", 6);
      long scenarioIndex = reader.number(numbers[0]);
      long seed = reader.number(numbers[1]);
      long untilMicros = reader.number(numbers[2]);
      long timeMicros = reader.number(numbers[3]);
      long eventCount = reader.number(numbers[4]);
      long traceHash = reader.hex(numbers[5]);
      String check = unescape(reader.field("check"));
      String message = unescape(reader.field("message"));
      List<ScheduledFault> faults = reader.faults(reader.field("faults"));
      List<ScheduledFault> skippedFaults = reader.faults(reader.field("skipped-faults"));
      violations.add(new Violation(space, scenarioIndex, check, message, seed, faults, skippedFaults, untilMicros,
          timeMicros, eventCount, traceHash));
    }
    int shardIndex = (int) reader.number(shard[0]);
    int shardCount = (int) reader.number(shard[1]);
    if (shardCount < 1 || shardIndex < 0 || shardIndex >= shardCount) {
      throw new IllegalArgumentException("exploration results: shard " + shardIndex + "/" + shardCount + " does not exist");
    }
    return new ExplorationResult(space, shardIndex, shardCount, reader.number(scenarios[0]), reader.number(scenarios[1]),
        reader.number(scenarios[2]), violationCount, skipped, violations);
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
      boolean pastLastLine = next >= lines.length || (next == lines.length - 1 && lines[next].isEmpty());
      if (pastLastLine) {
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

    /** The {@code count} space-separated values of line {@code name}. */
    String[] fields(String name, int count) {
      String value = field(name).trim();
      String[] fields = value.isEmpty() ? new String[0] : value.split(" ");
      if (fields.length != count) {
        next--;
        throw error("expected " + count + " value" + (count == 1 ? "" : "s") + " after \"" + name + "\", found " + fields.length);
      }
      return fields;
    }

    long number(String text) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw previousLineError("\"" + text + "\" is not a whole number");
      }
    }

    long hex(String text) {
      try {
        return Long.parseUnsignedLong(text, 16);
      } catch (NumberFormatException e) {
        throw previousLineError("\"" + text + "\" is not a hexadecimal digest");
      }
    }

    List<ScheduledFault> faults(String text) {
      try {
        return ScheduledFault.parseAll(text);
      } catch (RuntimeException e) {
        throw previousLineError(e.getMessage());
      }
    }

    private IllegalArgumentException previousLineError(String message) {
      return new IllegalArgumentException("exploration results, line " + next + ": " + message);
    }

    IllegalArgumentException error(String message) {
      return new IllegalArgumentException("exploration results, line " + (next + 1) + ": " + message);
    }
  }
}
