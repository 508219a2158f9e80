package dev.helios.runtime.trace;

/** Why the network dropped a message. The text is how the trace prints it. */
public enum DropReason {
  /** The sender was crashed when it sent (a handler kept running after a crash it caused). */
  SENDER_CRASHED("sender crashed"),
  /** The receiver was crashed when the message arrived. */
  RECEIVER_CRASHED("receiver crashed"),
  /** A partition blocked the link when the message was sent. */
  PARTITIONED("partitioned"),
  /** The link's loss ratio lost it. */
  LOST("lost");

  private final String text;

  DropReason(String text) {
    this.text = text;
  }

  /** The words the trace prints, e.g. {@code receiver crashed}. */
  public String text() {
    return text;
  }

  /** The node the drop happened at: the receiver for {@link #RECEIVER_CRASHED}, else the sender. */
  public int nodeOf(TraceEvent drop) {
    return this == RECEIVER_CRASHED ? drop.to() : drop.from();
  }

  @Override
  public String toString() {
    return text;
  }
}
