package dev.helios.runtime.trace;

/**
 * What a trace event records. The labels are the trace's vocabulary in text and JSON; the order is
 * part of the trace hash, so new kinds go last.
 */
public enum TraceKind {
  /** A node started ({@code @OnStart} ran). */
  START("start"),
  /** A node sent a message into the network. */
  SEND("send"),
  /** The network made a second copy of a message. */
  DUPLICATE("duplicate"),
  /** A message reached its destination and its handler ran. */
  DELIVER("deliver"),
  /** A message was lost; {@link TraceEvent#dropReason()} says why. */
  DROP("drop"),
  /** A node set a timer. */
  TIMER_SET("timer-set"),
  /** A timer fired and its handler ran. */
  TIMER_FIRE("timer-fire"),
  /** A node cancelled a pending timer. */
  TIMER_CANCEL("timer-cancel"),
  /** A node logged a line ({@link TraceEvent#logLine()}). */
  LOG("log"),
  /** A fault or network change took effect ({@link TraceEvent#fault()}). */
  FAULT("fault");

  private final String label;

  TraceKind(String label) {
    this.label = label;
  }

  /** The lower-case name used in text and JSON output. */
  public String label() {
    return label;
  }

  /** True for events about a message in the network: send, duplicate, deliver, drop. */
  public boolean isMessage() {
    return this == SEND || this == DUPLICATE || this == DELIVER || this == DROP;
  }
}
