package dev.helios.runtime.trace;

import dev.helios.runtime.internal.Json;
import java.util.List;

/**
 * The trace's renderings: readable text, JSON Lines and the Chrome trace event format, plus the two
 * number formats every report shares (milliseconds with µs precision, 64-bit hashes in hex).
 */
public final class TraceFormats {
  private TraceFormats() {}

  /** The events as readable text, one line each, newline-terminated. */
  public static String text(List<TraceEvent> events) {
    StringBuilder out = new StringBuilder(events.size() * 64);
    for (TraceEvent event : events) {
      out.append(line(event)).append('\n');
    }
    return out.toString();
  }

  /** The events as JSON Lines: one object per event, newline-terminated. */
  public static String jsonLines(List<TraceEvent> events) {
    StringBuilder out = new StringBuilder(events.size() * 96);
    for (TraceEvent event : events) {
      out.append(json(event)).append('\n');
    }
    return out.toString();
  }

  /**
   * The events in the Chrome trace event format (JSON), which Perfetto opens: one track per node
   * of {@code nodeIds}, a flow arrow per delivered message, instant marks for drops and faults.
   */
  public static String chromeJson(List<TraceEvent> events, int[] nodeIds) {
    return ChromeTrace.of(events, nodeIds);
  }

  /** Microseconds as milliseconds with three decimals, in integer arithmetic: {@code 1500 -> "1.500"}. */
  public static String millis(long micros) {
    long whole = micros / 1000;
    long fraction = Math.abs(micros % 1000);
    String sign = micros < 0 && whole == 0 ? "-" : "";
    return sign + whole + "." + (fraction < 100 ? (fraction < 10 ? "00" : "0") : "") + fraction;
  }

  /** A 64-bit value (a trace hash, a fingerprint) as 16 hex digits. */
  public static String hex(long value) {
    String digits = Long.toHexString(value);
    return "0".repeat(16 - digits.length()) + digits;
  }

  /** One event as a line of text, e.g. {@code 1.000 ms  deliver  0 -> 1  #0  "Hello"}. */
  static String line(TraceEvent event) {
    StringBuilder line = new StringBuilder(64);
    String time = millis(event.timeMicros());
    for (int i = time.length(); i < 12; i++) {
      line.append(' ');
    }
    line.append(time).append(" ms  ");
    String label = event.kind().label();
    line.append(label);
    for (int i = label.length(); i < 13; i++) {
      line.append(' ');
    }
    switch (event.kind()) {
      case SEND, DUPLICATE, DELIVER, DROP -> line.append(event.from()).append(" -> ").append(event.to());
      case FAULT -> line.append(event.fault());
      default -> line.append("node ").append(event.from());
    }
    if (event.id() >= 0) {
      line.append(event.isMessage() ? "  #" : "  timer ").append(event.id());
    }
    if (event.payload() != null) {
      line.append("  ").append(event.payload());
    }
    if (event.dropReason() != null) {
      line.append("  (").append(event.dropReason().text()).append(')');
    }
    if (event.logLine() != null) {
      line.append("  ").append(event.logLine());
    }
    return line.toString();
  }

  /** An event's message text and typed detail as JSON members, each only when present. */
  static void appendContent(StringBuilder json, TraceEvent event) {
    member(json, "payload", event.payload());
    member(json, "dropReason", event.dropReason() == null ? null : event.dropReason().text());
    member(json, "fault", event.fault() == null ? null : event.fault().toString());
    member(json, "log", event.logLine());
  }

  private static void member(StringBuilder json, String name, String value) {
    if (value != null) {
      json.append(",\"").append(name).append("\":");
      Json.string(json, value);
    }
  }

  /** One event as a JSON object. */
  static String json(TraceEvent event) {
    StringBuilder json = new StringBuilder(96);
    json.append("{\"timeMicros\":").append(event.timeMicros());
    json.append(",\"kind\":");
    Json.string(json, event.kind().label());
    json.append(",\"from\":").append(event.from());
    json.append(",\"to\":").append(event.to());
    if (event.id() >= 0) {
      json.append(event.isMessage() ? ",\"messageId\":" : ",\"timerId\":").append(event.id());
    }
    appendContent(json, event);
    return json.append('}').toString();
  }
}
