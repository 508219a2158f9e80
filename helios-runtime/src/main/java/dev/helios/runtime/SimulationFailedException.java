package dev.helios.runtime;

/**
 * Thrown when a handler throws or a message has no handler: the simulation stops, and the
 * message is a report naming the node, the time, the event, the seed and the trace so far.
 */
public final class SimulationFailedException extends RuntimeException {
  private final int node;
  private final long timeMicros;
  private final long seed;

  /** A failure with its report; the kernel makes these. */
  public SimulationFailedException(String report, int node, long timeMicros, long seed, Throwable cause) {
    super(report, cause);
    this.node = node;
    this.timeMicros = timeMicros;
    this.seed = seed;
  }

  /** The node whose handler failed. */
  public int node() {
    return node;
  }

  /** When it failed, in virtual microseconds. */
  public long timeMicros() {
    return timeMicros;
  }

  /** The simulation's seed, to replay the run. */
  public long seed() {
    return seed;
  }
}
