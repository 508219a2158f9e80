package dev.helios.runtime.kernel;

import dev.helios.runtime.trace.TraceEvent;
import dev.helios.runtime.trace.TraceFormats;
import java.util.List;

/** The text of a {@code SimulationFailedException}: who failed, on what, when, the seed and the trace's tail. */
final class FailureReport {
  private static final int TRACE_TAIL_LINES = 20;

  private FailureReport() {}

  static String of(
      int node, Class<?> nodeClass, Throwable cause, String event, long nowMicros, long eventCount, long seed,
      TraceRecorder trace) {
    String what = "node " + node + " (" + nodeClass.getSimpleName() + ") threw " + cause;
    return of(what, event, nowMicros, eventCount, seed, trace);
  }

  /** The report of a scheduled fault that cannot apply where the run stands (a crash of a crashed node). */
  static String ofScheduledFault(String why, String event, long nowMicros, long eventCount, long seed, TraceRecorder trace) {
    return of("a scheduled fault cannot apply: " + why, event, nowMicros, eventCount, seed, trace);
  }

  private static String of(String what, String event, long nowMicros, long eventCount, long seed, TraceRecorder trace) {
    StringBuilder report = new StringBuilder();
    report.append("simulation failed: ").append(what).append('\n');
    report.append("  event: ").append(event).append('\n');
    report.append("  time: ").append(TraceFormats.millis(nowMicros)).append(" ms (event ")
        .append(eventCount).append(")\n");
    report.append("  seed: ").append(seed).append('\n');
    if (trace.recording()) {
      int size = trace.size();
      int first = Math.max(0, size - TRACE_TAIL_LINES);
      List<TraceEvent> tail = trace.eventsFrom(first);
      report.append("  trace so far (last ").append(tail.size()).append(" of ").append(size).append(" lines):\n");
      for (TraceEvent line : tail) {
        report.append("    ").append(line.toText()).append('\n');
      }
    } else {
      report.append("  trace recording was off; rerun with the same seed and recording on to see it\n");
    }
    return report.toString();
  }
}
