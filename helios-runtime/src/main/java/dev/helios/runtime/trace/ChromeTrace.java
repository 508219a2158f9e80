package dev.helios.runtime.trace;

import dev.helios.runtime.internal.Json;
import java.util.List;
import java.util.TreeMap;

/**
 * Writes a trace in the Chrome trace event format, which Perfetto (ui.perfetto.dev) and
 * chrome://tracing open: one track per node, a slice for each event a node handles, a flow arrow
 * from each send to each delivery, and instant marks for drops, logs and faults. Times are µs.
 */
final class ChromeTrace {
  private static final int PID = 1;

  private final StringBuilder out = new StringBuilder();
  private boolean first = true;

  private ChromeTrace() {}

  static String of(List<TraceEvent> events, int[] nodeIds) {
    return new ChromeTrace().write(events, nodeIds);
  }

  private String write(List<TraceEvent> events, int[] nodeIds) {
    // A flow starts only where it will also finish: count each message's deliveries first.
    TreeMap<Long, Integer> deliveries = new TreeMap<>();
    for (TraceEvent event : events) {
      if (event.kind() == TraceKind.DELIVER) {
        deliveries.merge(event.id(), 1, Integer::sum);
      }
    }
    out.append("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[");
    open("process_name", "M", 0, PID, 0).append(",\"args\":{\"name\":\"helios simulation\"}}");
    for (int id : nodeIds) {
      open("thread_name", "M", 0, PID, id).append(",\"args\":{\"name\":\"node ").append(id).append("\"}}");
      open("thread_sort_index", "M", 0, PID, id).append(",\"args\":{\"sort_index\":").append(id).append("}}");
    }
    TreeMap<Long, Integer> delivered = new TreeMap<>();
    for (TraceEvent event : events) {
      long t = event.timeMicros();
      int deliveriesOf = deliveries.getOrDefault(event.id(), 0);
      switch (event.kind()) {
        case SEND -> {
          slice("send #" + event.id() + " to " + event.to(), t, event.from(), event);
          if (deliveriesOf >= 1) {
            flow("s", "m" + event.id(), t, event.from());
          }
        }
        case DUPLICATE -> {
          instant("duplicate #" + event.id(), t, event.from(), event);
          if (deliveriesOf >= 2) {
            flow("s", "m" + event.id() + ".dup", t, event.from());
          }
        }
        case DELIVER -> {
          int index = delivered.merge(event.id(), 1, Integer::sum);
          slice("deliver #" + event.id() + " from " + event.from(), t, event.to(), event);
          flow("f", "m" + event.id() + (index == 1 ? "" : ".dup"), t, event.to());
        }
        case DROP -> instant("drop #" + event.id() + " (" + event.dropReason().text() + ")",
            t, event.dropReason().nodeOf(event), event);
        case START -> slice("start", t, event.from(), event);
        case TIMER_FIRE -> slice("timer " + event.id(), t, event.from(), event);
        case TIMER_SET -> instant("set timer " + event.id(), t, event.from(), event);
        case TIMER_CANCEL -> instant("cancel timer " + event.id(), t, event.from(), event);
        case LOG -> instant("log: " + event.logLine(), t, event.from(), event);
        case FAULT -> {
          if (event.from() < 0) {
            globalInstant(event.fault().toString(), t, event);
          } else {
            instant(event.fault().toString(), t, event.from(), event);
          }
        }
      }
    }
    return out.append("]}\n").toString();
  }

  private StringBuilder open(String name, String phase, long t, int pid, int tid) {
    if (!first) {
      out.append(',');
    }
    first = false;
    out.append("\n{\"name\":");
    Json.string(out, name);
    out.append(",\"ph\":\"").append(phase).append("\",\"ts\":").append(t)
        .append(",\"pid\":").append(pid).append(",\"tid\":").append(tid);
    return out;
  }

  private void slice(String name, long t, int node, TraceEvent event) {
    open(name, "X", t, PID, node).append(",\"dur\":1,\"cat\":\"").append(event.kind().label()).append('"');
    args(event);
    out.append('}');
  }

  private void instant(String name, long t, int node, TraceEvent event) {
    open(name, "i", t, PID, node).append(",\"s\":\"t\",\"cat\":\"").append(event.kind().label()).append('"');
    args(event);
    out.append('}');
  }

  private void globalInstant(String name, long t, TraceEvent event) {
    open(name, "i", t, PID, 0).append(",\"s\":\"g\",\"cat\":\"").append(event.kind().label()).append('"');
    args(event);
    out.append('}');
  }

  private void flow(String phase, String id, long t, int node) {
    open("message", phase, t, PID, node).append(",\"cat\":\"message\",\"id\":");
    Json.string(out, id);
    if (phase.equals("f")) {
      out.append(",\"bp\":\"e\"");
    }
    out.append('}');
  }

  private void args(TraceEvent event) {
    out.append(",\"args\":{\"from\":").append(event.from()).append(",\"to\":").append(event.to());
    TraceFormats.appendContent(out, event);
    out.append('}');
  }
}
