package dev.helios.runtime.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fault at a virtual time, in µs from the start of the run. Text: {@code crash 1 @ 50ms}; a
 * script holds several, one per line or separated by {@code ;}, with {@code #} comments.
 */
public record ScheduledFault(Fault fault, long atMicros) {
  /** Checks that there is a fault and that the time is zero or more. */
  public ScheduledFault {
    Objects.requireNonNull(fault, "fault");
    FaultText.checkMicros(text(fault, atMicros), "a time", atMicros, "0ms is the start of the run");
  }

  private static String text(Fault fault, long atMicros) {
    return fault + " @ " + FaultText.time(atMicros);
  }

  /** The text form, as in {@code "crash 1 @ 50ms"}; {@link #parse} reads it back. */
  @Override
  public String toString() {
    return text(fault, atMicros);
  }

  /**
   * The scheduled fault that {@code text} spells, such as {@code "crash 1 @ 50ms"}.
   *
   * @throws FaultSyntaxException if {@code text} is not one fault and its time
   */
  public static ScheduledFault parse(String text) {
    return FaultText.parseScheduled(text);
  }

  /**
   * The scheduled faults of {@code script}, in the order written: one per line or separated by
   * {@code ;}; blank lines and {@code #} comments to the end of a line are ignored.
   *
   * @throws FaultSyntaxException for the first fault that cannot be read, its message starting with
   *     {@code line <n>: } (counted from 1) and naming the fault's text
   */
  public static List<ScheduledFault> parseAll(String script) {
    Objects.requireNonNull(script, "script");
    List<ScheduledFault> faults = new ArrayList<>();
    String[] lines = script.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int comment = line.indexOf('#');
      String code = comment < 0 ? line : line.substring(0, comment);
      for (String statement : code.split(";", -1)) {
        if (statement.isBlank()) {
          continue;
        }
        try {
          faults.add(parse(statement));
        } catch (FaultSyntaxException e) {
          throw new FaultSyntaxException("line " + (i + 1) + ": " + e.getMessage(), e);
        }
      }
    }
    return List.copyOf(faults);
  }

  /** {@code faults} as a script that {@link #parseAll} reads back: one per line, in order. */
  public static String renderAll(List<ScheduledFault> faults) {
    StringBuilder script = new StringBuilder();
    for (ScheduledFault fault : faults) {
      script.append(Objects.requireNonNull(fault, "fault")).append('\n');
    }
    return script.toString();
  }
}
