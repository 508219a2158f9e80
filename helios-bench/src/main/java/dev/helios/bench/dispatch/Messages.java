package dev.helios.bench.dispatch;

/** The four message types a {@link DispatchNode} handles. */
final class Messages {
  private Messages() {}

  /** A message with a value. */
  record Append(long value) {}

  /** A message with a value. */
  record Vote(long value) {}

  /** A message with a value. */
  record Heartbeat(long value) {}

  /** A message with a value. */
  record Snapshot(long value) {}
}
