package dev.helios.runtime;

/**
 * How a call to {@code run}, {@code runUntil} or a run of steps ended.
 *
 * @param stopReason why it stopped
 * @param eventCount events processed since the simulation was built
 * @param timeMicros the virtual time when it stopped
 */
public record RunResult(StopReason stopReason, long eventCount, long timeMicros) {
  /** One line, e.g. {@code stopped: no events left after 12 events at 120.000 ms}. */
  public String summary() {
    return "stopped: " + stopReason.description() + " after " + eventCount + " events at "
        + dev.helios.runtime.trace.TraceFormats.millis(timeMicros) + " ms";
  }
}
