package dev.helios.runtime.trace;

import dev.helios.runtime.fault.Fault;

/**
 * One line of a simulation's trace: typed data, with text and JSON as renderings.
 *
 * @param timeMicros virtual time of the event
 * @param kind what happened
 * @param from the node that acted (sender, the node itself, or the first node a fault names), or -1
 * @param to the node acted upon (receiver, or the second node a fault names), or -1
 * @param id the timer's id for timer events, the message's id for message events (a duplicate
 *     keeps its original's), otherwise -1
 * @param payload the message's text for message and timer events, otherwise null
 * @param dropReason why a {@link TraceKind#DROP} happened, otherwise null
 * @param fault the fault of a {@link TraceKind#FAULT} event, otherwise null
 * @param logLine the line of a {@link TraceKind#LOG} event, otherwise null
 */
public record TraceEvent(
    long timeMicros,
    TraceKind kind,
    int from,
    int to,
    long id,
    String payload,
    DropReason dropReason,
    Fault fault,
    String logLine) {

  public TraceEvent {
    if (kind == null) {
      throw new IllegalArgumentException("a trace event needs a kind");
    }
    if ((dropReason != null) != (kind == TraceKind.DROP)) {
      throw new IllegalArgumentException("a drop reason goes with a drop event and only there, got " + kind);
    }
    if ((fault != null) != (kind == TraceKind.FAULT)) {
      throw new IllegalArgumentException("a fault goes with a fault event and only there, got " + kind);
    }
    if ((logLine != null) != (kind == TraceKind.LOG)) {
      throw new IllegalArgumentException("a log line goes with a log event and only there, got " + kind);
    }
  }

  /** True for events about a message in the network: send, duplicate, deliver, drop. */
  public boolean isMessage() {
    return kind.isMessage();
  }

  /** A readable line: time in ms with µs precision, kind, nodes, id, payload and detail. */
  public String toText() {
    return TraceFormats.line(this);
  }

  /** One JSON object, as one line of the JSON Lines export. */
  public String toJson() {
    return TraceFormats.json(this);
  }

  @Override
  public String toString() {
    return toText();
  }
}
