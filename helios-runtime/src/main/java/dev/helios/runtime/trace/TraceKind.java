package dev.helios.runtime;

/** What a trace event records. The names are the trace's vocabulary in text and JSON. */
public enum TraceKind {
  /** A node started ({@code @OnStart} ran). */
  START("start"),
  /** A node sent a message into the network. */
  SEND("send"),
  /** The network made a second copy of a message. */
  DUPLICATE("duplicate"),
  /** A message reached its destination and its handler ran. */
  DELIVER("deliver"),
  /** A message was lost; the note says why. */
  DROP("drop"),
  /** A node set a timer. */
  TIMER_SET("timer-set"),
  /** A timer fired and its handler ran. */
  TIMER_FIRE("timer-fire"),
  /** A node cancelled a pending timer. */
  TIMER_CANCEL("timer-cancel"),
  /** A node logged a line. */
  LOG("log"),
  /** A node crashed. */
  CRASH("crash"),
  /** A crashed node restarted. */
  RESTART("restart"),
  /** Messages between two nodes are dropped from now on (the note says if one-way). */
  PARTITION("partition"),
  /** A partition between two nodes ended. */
  HEAL("heal"),
  /** A node was cut off from every other node. */
  ISOLATE("isolate"),
  /** Every partition ended. */
  HEAL_ALL("heal-all"),
  /** A link's latency, jitter, loss or duplication changed; the note has the new settings. */
  LINK_CHANGE("link-change");

  private final String label;

  TraceKind(String label) {
    this.label = label;
  }

  /** The lower-case name used in text and JSON output. */
  public String label() {
    return label;
  }
}
