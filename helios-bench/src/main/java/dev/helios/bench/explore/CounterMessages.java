package dev.helios.bench.explore;

/** The replicated counter's messages: immutable records, which forks share. */
final class CounterMessages {
  private CounterMessages() {}

  /** The client asks the primary to add one to the counter. */
  record Increment(long requestId) {}

  /** The primary ships increment {@code index} (1-based) to a backup. */
  record Replicate(long index) {}

  /** The primary's periodic heartbeat: what it has committed. */
  record Heartbeat(long commitIndex) {}

  /** A backup holds every increment up to and including {@code index}. */
  record Ack(long index) {}

  /** Every increment up to and including {@code index} is on a majority. */
  record Committed(long index) {}

  /** A node's own timer. */
  record Tick() {}
}
