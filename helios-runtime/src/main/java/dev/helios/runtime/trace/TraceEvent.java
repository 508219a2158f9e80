package dev.helios.runtime;

import dev.helios.runtime.internal.Json;

/**
 * One line of a simulation's trace.
 *
 * @param timeMicros virtual time of the event
 * @param kind what happened
 * @param from the node that acted (sender, or the node itself), or -1
 * @param to the node acted upon (receiver), or -1
 * @param id the timer's id for timer events, the message's id for message events (a duplicate
 *     keeps its original's), otherwise -1
 * @param payload the message's text, or null
 * @param note the drop reason or the log line, or null
 */
public record TraceEvent(
    long timeMicros, TraceKind kind, int from, int to, long id, String payload, String note) {

  /** A readable line: time in ms with µs precision, kind, nodes, payload and note. */
  public String toText() {
    StringBuilder line = new StringBuilder(64);
    String time = formatMillis(timeMicros);
    for (int i = time.length(); i < 12; i++) {
      line.append(' ');
    }
    line.append(time).append(" ms  ");
    line.append(kind.label());
    for (int i = kind.label().length(); i < 13; i++) {
      line.append(' ');
    }
    switch (kind) {
      case SEND, DUPLICATE, DELIVER, DROP, LINK_CHANGE -> line.append(from).append(" -> ").append(to);
      case PARTITION, HEAL -> line.append(from).append(" | ").append(to);
      case HEAL_ALL -> line.append("all");
      default -> line.append("node ").append(from);
    }
    if (id >= 0) {
      line.append(isMessage() ? "  #" : "  timer ").append(id);
    }
    if (payload != null) {
      line.append("  ").append(payload);
    }
    if (note != null) {
      line.append(kind == TraceKind.LOG ? "  " : "  (").append(note).append(kind == TraceKind.LOG ? "" : ")");
    }
    return line.toString();
  }

  /** One JSON object, for JSON Lines export. */
  public String toJson() {
    StringBuilder json = new StringBuilder(96);
    json.append("{\"timeMicros\":").append(timeMicros);
    json.append(",\"kind\":");
    Json.string(json, kind.label());
    json.append(",\"from\":").append(from);
    json.append(",\"to\":").append(to);
    if (id >= 0) {
      json.append(isMessage() ? ",\"messageId\":" : ",\"timerId\":").append(id);
    }
    if (payload != null) {
      json.append(",\"payload\":");
      Json.string(json, payload);
    }
    if (note != null) {
      json.append(",\"note\":");
      Json.string(json, note);
    }
    return json.append('}').toString();
  }

  /** True for events about a message in the network: send, duplicate, deliver, drop. */
  public boolean isMessage() {
    return kind == TraceKind.SEND || kind == TraceKind.DUPLICATE || kind == TraceKind.DELIVER
        || kind == TraceKind.DROP;
  }

  @Override
  public String toString() {
    return toText();
  }

  /** Microseconds as milliseconds with three decimals, in integer arithmetic. */
  static String formatMillis(long micros) {
    long whole = micros / 1000;
    long fraction = Math.abs(micros % 1000);
    String sign = micros < 0 && whole == 0 ? "-" : "";
    return sign + whole + "." + (fraction < 100 ? (fraction < 10 ? "00" : "0") : "") + fraction;
  }
}
