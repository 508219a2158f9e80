package dev.helios.runtime;

import dev.helios.runtime.fault.Fault;

/**
 * Thrown when a handler throws, a message has no handler, or a scheduled fault cannot apply: the
 * simulation stops, and the message is a report naming the node, the time, the event, the seed
 * and the trace so far.
 */
public final class SimulationFailedException extends RuntimeException {
  private final int node;
  private final long timeMicros;
  private final long seed;
  private final Fault fault;

  /** A failure with its report; the kernel makes these. */
  public SimulationFailedException(String report, int node, long timeMicros, long seed, Throwable cause) {
    this(report, node, timeMicros, seed, cause, null);
  }

  /**
   * A failure with its report, caused by {@code fault}, a scheduled fault that could not apply
   * (null if a handler failed); the kernel makes these.
   */
  public SimulationFailedException(String report, int node, long timeMicros, long seed, Throwable cause, Fault fault) {
    super(report, cause);
    this.node = node;
    this.timeMicros = timeMicros;
    this.seed = seed;
    this.fault = fault;
  }

  /** The node whose handler failed, or that the scheduled fault could not apply to. */
  public int node() {
    return node;
  }

  /**
   * The scheduled fault that could not apply where the run stood (a crash of a node that a fault
   * before it crashed, say, in an exploration), or null when a handler failed.
   */
  public Fault fault() {
    return fault;
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
