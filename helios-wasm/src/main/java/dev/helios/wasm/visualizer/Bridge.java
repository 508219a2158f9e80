package dev.helios.wasm.visualizer;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationSource;
import dev.helios.runtime.explore.ScenarioBuilder;
import dev.helios.runtime.explore.ScenarioRun;
import dev.helios.runtime.explore.Violation;
import dev.helios.runtime.fault.Fault;
import dev.helios.runtime.fault.ScheduledFault;
import dev.helios.runtime.internal.Json;
import dev.helios.runtime.trace.TraceEvent;
import dev.helios.runtime.trace.TraceFormats;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * What the page asks of a simulation, in plain Java (the JVM tests call it directly;
 * {@link Visualizer} exports it to JavaScript). Every answer is a JSON object string: either
 * {@code {"ok":true,...}} or {@code {"ok":false,"error":"..."}} naming the value and the rule, so
 * bad input in a link becomes a visible message, never an exception in the page.
 */
final class Bridge {
  private final List<SimulationSource> sources;
  /** Open runs by handle; a TreeMap so nothing depends on hash order. */
  private final TreeMap<Integer, Opened> sessions = new TreeMap<>();
  private int nextHandle = 1;

  /** A session and what it was opened with. */
  private record Opened(String name, long buildSeed, Session session, Violation violation, long forkTraceSize, int parent) {}

  Bridge(List<SimulationSource> sources) {
    this.sources = List.copyOf(sources);
  }

  /** {@code {"ok":true,"simulations":[{"name":..., "title":..., "scenarios":bool}]}}. */
  String simulations() {
    StringBuilder json = new StringBuilder("{\"ok\":true,\"simulations\":[");
    for (int i = 0; i < sources.size(); i++) {
      SimulationSource source = sources.get(i);
      json.append(i == 0 ? "" : ",").append("{\"name\":");
      Json.string(json, source.name());
      json.append(",\"title\":");
      Json.string(json, source.name().substring(source.name().lastIndexOf('.') + 1));
      json.append(",\"scenarios\":").append(source.hasScenarios()).append('}');
    }
    return json.append("]}").toString();
  }

  /**
   * Opens a run of simulation {@code name} (the first one if empty) with {@code seed}, as the
   * generated main runs {@code --seed seed [--run-seed runSeed] [--faults faults] [--until until]}:
   * with scenarios and a fault list (even an empty one) it is the checked scenario the explorer
   * reports, else a plain run with the faults at their times.
   */
  String open(String name, String seedText, String runSeedText, String faultsText, boolean faultsGiven, String untilText) {
    try {
      SimulationSource source = source(name);
      long seed = parseLong("seed", seedText, "42");
      Long runSeed = runSeedText == null || runSeedText.isBlank() ? null : parseLong("run-seed", runSeedText, "7");
      // A fault list in the link counts as given even if the flag says not: nothing is dropped silently.
      faultsGiven |= faultsText != null && !faultsText.isBlank();
      List<ScheduledFault> faults;
      try {
        faults = faultsGiven ? ScheduledFault.parseAll(faultsText == null ? "" : faultsText) : List.of();
      } catch (IllegalArgumentException e) {
        return error("faults: " + e.getMessage());
      }
      long untilMs = untilText == null || untilText.isBlank() ? -1 : parseLong("until", untilText, "500");
      if (untilText != null && !untilText.isBlank() && untilMs < 0) {
        return error("until: " + untilMs + " is negative; give the end of the run in ms, e.g. until=500");
      }
      if (untilMs > Long.MAX_VALUE / 1000) {
        return error("until: " + untilMs + " ms is too large; times are counted in µs up to " + Long.MAX_VALUE / 1000 + " ms");
      }
      for (ScheduledFault fault : faults) {
        if (untilMs >= 0 && fault.atMicros() > untilMs * 1000) {
          return error("faults: \"" + fault + "\" comes after until " + untilMs + " ms; give faults at or before the end of the run");
        }
      }
      Simulation built = source.build(seed);
      if (built == null) {
        return error(source.name() + ".build(" + seed + ") returned null");
      }
      for (ScheduledFault fault : faults) {
        for (int node : fault.fault().nodes()) {
          if (!hasNode(built, node)) {
            return error("faults: \"" + fault + "\" names node " + node + ", which " + source.name() + " does not have; its nodes are " + ids(built));
          }
        }
      }
      Session session;
      Violation violation = null;
      if (source.hasScenarios() && faultsGiven) {
        ScenarioBuilder space = source.scenarios(built);
        long runSeedValue = runSeed == null ? seed : runSeed;
        ScenarioRun run;
        try {
          run = untilMs < 0 ? space.runScenario(runSeedValue, faults) : space.runScenario(runSeedValue, faults, untilMs);
        } catch (IllegalArgumentException e) {
          return error("until: " + e.getMessage());
        }
        Simulation ended = run.simulation();
        session = new Session(built.fromStart(runSeedValue, true), ended.faultsApplied(), ended.eventCount(), ended.nowMicros());
        violation = run.violation().orElse(null);
      } else {
        if (runSeed != null) {
          return error("run-seed: only a checked scenario (a simulation with scenarios, and faults given) takes a run seed");
        }
        Simulation start = built.isRecording() ? built : built.fromStart(built.seed(), true);
        session = new Session(start, faults, Long.MAX_VALUE, untilMs < 0 ? -1 : untilMs * 1000);
      }
      int handle = nextHandle++;
      sessions.put(handle, new Opened(source.name(), seed, session, violation, 0, 0));
      return state(handle);
    } catch (BadInput e) {
      return error(e.getMessage());
    } catch (RuntimeException e) {
      return error("the simulation could not be opened: " + e);
    }
  }

  /** Runs up to {@code steps} steps (an event or a scheduled fault each). */
  String step(int handle, int steps) {
    return act(handle, session -> session.advance(Math.max(0, steps)));
  }

  /** Runs every step at or before {@code timeMicros}. */
  String runUntil(int handle, double timeMicros) {
    return act(handle, session -> session.advanceToMicros((long) Math.max(0, Math.min(timeMicros, 9.0e15))));
  }

  /** Goes to step {@code target}, back (from the nearest snapshot) or forward. */
  String seek(int handle, double target) {
    return act(handle, session -> session.seek((long) Math.max(0, Math.min(target, 9.0e15))));
  }

  /** Applies the fault written {@code faultText} (e.g. {@code crash 1}) at the current time. */
  String apply(int handle, String faultText) {
    Opened opened = sessions.get(handle);
    if (opened == null) {
      return error("no run " + handle + " is open");
    }
    try {
      opened.session().applyNow(Fault.parse(faultText == null ? "" : faultText.trim()));
    } catch (IllegalArgumentException | IllegalStateException e) {
      return error(e.getMessage());
    }
    return state(handle);
  }

  /** A branch of run {@code handle} from its current step: a new, independent run. */
  String fork(int handle) {
    Opened opened = sessions.get(handle);
    if (opened == null) {
      return error("no run " + handle + " is open");
    }
    int branch = nextHandle++;
    Session session = opened.session().branch();
    sessions.put(branch, new Opened(opened.name(), opened.buildSeed(), session, null, session.simulation().traceSize(), handle));
    return state(branch);
  }

  /** Closes run {@code handle}, dropping its snapshots. */
  String close(int handle) {
    return sessions.remove(handle) == null ? error("no run " + handle + " is open") : "{\"ok\":true}";
  }

  /**
   * The trace events from index {@code from} on, each as an array
   * {@code [timeMicros, kind, from, to, id, payload, detail]}: payload is the message's or timer's
   * text (or null), detail the drop reason, the fault or the log line (or null).
   */
  String events(int handle, int from) {
    Opened opened = sessions.get(handle);
    if (opened == null) {
      return error("no run " + handle + " is open");
    }
    Simulation sim = opened.session().simulation();
    int first = Math.max(0, Math.min(from, sim.traceSize()));
    StringBuilder json = new StringBuilder("{\"ok\":true,\"from\":").append(first).append(",\"events\":[");
    boolean comma = false;
    for (TraceEvent event : sim.traceFrom(first)) {
      json.append(comma ? ",[" : "[");
      comma = true;
      json.append(event.timeMicros()).append(",\"").append(event.kind().label()).append("\",")
          .append(event.from()).append(',').append(event.to()).append(',').append(event.id()).append(',');
      nullableString(json, event.payload());
      json.append(',');
      nullableString(json, detail(event));
      json.append(']');
    }
    return json.append("]}").toString();
  }

  /** Each node's id, whether it is crashed, and its state as JSON (the generated describe view). */
  String nodes(int handle) {
    Opened opened = sessions.get(handle);
    if (opened == null) {
      return error("no run " + handle + " is open");
    }
    Simulation sim = opened.session().simulation();
    StringBuilder json = new StringBuilder("{\"ok\":true,\"nodes\":[");
    int[] ids = sim.nodeIds();
    for (int i = 0; i < ids.length; i++) {
      json.append(i == 0 ? "" : ",").append("{\"id\":").append(ids[i]).append(",\"crashed\":").append(sim.isCrashed(ids[i]))
          .append(",\"state\":");
      String state;
      try {
        state = sim.describeNode(ids[i]);
      } catch (RuntimeException e) {
        state = "(cannot describe: " + e.getMessage() + ")";
      }
      Json.string(json, state);
      json.append('}');
    }
    return json.append("]}").toString();
  }

  /** The trace so far as JSON Lines, one event per line. */
  String jsonLines(int handle) {
    Opened opened = sessions.get(handle);
    return opened == null ? "" : TraceFormats.jsonLines(opened.session().simulation().trace());
  }

  /** The trace so far in the Chrome trace event format, which Perfetto opens. */
  String chromeTrace(int handle) {
    Opened opened = sessions.get(handle);
    if (opened == null) {
      return "";
    }
    Simulation sim = opened.session().simulation();
    return TraceFormats.chromeJson(sim.trace(), sim.nodeIds());
  }

  /**
   * The index of the first trace event where runs {@code a} and {@code b} differ, compared from
   * where the later-forked one branched off (or from the shorter trace's end, if one was stepped
   * back before that); -1 if one is a prefix of the other, so far.
   */
  int diverge(int a, int b) {
    Opened left = sessions.get(a);
    Opened right = sessions.get(b);
    if (left == null || right == null) {
      return -1;
    }
    Simulation leftSim = left.session().simulation();
    Simulation rightSim = right.session().simulation();
    int from = (int) Math.min(Math.max(left.forkTraceSize(), right.forkTraceSize()),
        Math.min(leftSim.traceSize(), rightSim.traceSize()));
    List<TraceEvent> one = leftSim.traceFrom(from);
    List<TraceEvent> two = rightSim.traceFrom(from);
    int common = Math.min(one.size(), two.size());
    for (int i = 0; i < common; i++) {
      if (!one.get(i).equals(two.get(i))) {
        return from + i;
      }
    }
    return -1;
  }

  /** The run's position and what reproduces it. */
  String state(int handle) {
    Opened opened = sessions.get(handle);
    if (opened == null) {
      return error("no run " + handle + " is open");
    }
    Session session = opened.session();
    Simulation sim = session.simulation();
    StringBuilder json = new StringBuilder("{\"ok\":true,\"session\":").append(handle);
    json.append(",\"name\":");
    Json.string(json, opened.name());
    json.append(",\"parent\":").append(opened.parent());
    json.append(",\"forkTraceSize\":").append(opened.forkTraceSize());
    json.append(",\"seed\":\"").append(sim.seed()).append('"');
    json.append(",\"buildSeed\":\"").append(opened.buildSeed()).append('"');
    json.append(",\"nodes\":[");
    int[] ids = sim.nodeIds();
    for (int i = 0; i < ids.length; i++) {
      json.append(i == 0 ? "" : ",").append(ids[i]);
    }
    json.append("],\"crashed\":[");
    boolean comma = false;
    for (int id : ids) {
      if (sim.isCrashed(id)) {
        json.append(comma ? "," : "").append(id);
        comma = true;
      }
    }
    json.append("],\"step\":").append(session.step());
    json.append(",\"firstStep\":").append(session.firstStep());
    json.append(",\"nowMicros\":").append(sim.nowMicros());
    json.append(",\"nextMicros\":").append(session.nextStepMicros());
    json.append(",\"eventCount\":").append(sim.eventCount());
    json.append(",\"traceSize\":").append(sim.traceSize());
    json.append(",\"done\":").append(session.done());
    json.append(",\"endReason\":");
    Json.string(json, session.endReason());
    json.append(",\"failure\":");
    nullableString(json, session.failure());
    json.append(",\"traceHash\":\"").append(TraceFormats.hex(sim.traceHash())).append('"');
    json.append(",\"faults\":");
    Json.string(json, ScheduledFault.renderAll(session.schedule()));
    json.append(",\"faultsApplied\":").append(session.nextFault());
    json.append(",\"skipped\":[");
    List<ScheduledFault> skipped = session.skipped();
    for (int i = 0; i < skipped.size(); i++) {
      json.append(i == 0 ? "" : ",");
      Json.string(json, skipped.get(i).toString());
    }
    json.append("],\"untilMicros\":").append(session.untilMicros());
    Violation violation = opened.violation();
    json.append(",\"violation\":");
    nullableString(json, violation == null ? null : violation.toString());
    json.append(",\"violationMicros\":").append(violation == null ? -1 : violation.timeMicros());
    json.append(",\"violationEventCount\":").append(violation == null ? -1 : violation.eventCount());
    return json.append('}').toString();
  }

  // ---- helpers ----

  private interface Action {
    void run(Session session);
  }

  private String act(int handle, Action action) {
    Opened opened = sessions.get(handle);
    if (opened == null) {
      return error("no run " + handle + " is open");
    }
    try {
      action.run(opened.session());
    } catch (RuntimeException e) {
      return error("the run stopped: " + e);
    }
    return state(handle);
  }

  private SimulationSource source(String name) {
    if (sources.isEmpty()) {
      throw new BadInput("no simulation is compiled in: annotate a class with @SimulationMain and build the site"
          + " with helios-processor on the annotation processor path (see docs/WASM_GUIDE.md)");
    }
    if (name == null || name.isBlank()) {
      return sources.get(0);
    }
    List<String> names = new ArrayList<>();
    for (SimulationSource source : sources) {
      String simple = source.name().substring(source.name().lastIndexOf('.') + 1);
      if (source.name().equals(name) || simple.equals(name)) {
        return source;
      }
      names.add(source.name());
    }
    throw new BadInput("sim: there is no simulation \"" + name + "\"; this site has " + names);
  }

  private static long parseLong(String parameter, String text, String example) {
    if (text == null || text.isBlank()) {
      throw new BadInput(parameter + ": empty; give an integer, e.g. " + parameter + "=" + example);
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new BadInput(parameter + ": \"" + text + "\" is not an integer; give one, e.g. " + parameter + "=" + example);
    }
  }

  private static boolean hasNode(Simulation sim, int node) {
    for (int id : sim.nodeIds()) {
      if (id == node) {
        return true;
      }
    }
    return false;
  }

  private static String ids(Simulation sim) {
    StringBuilder text = new StringBuilder("[");
    for (int id : sim.nodeIds()) {
      text.append(text.length() == 1 ? "" : ", ").append(id);
    }
    return text.append(']').toString();
  }

  private static String detail(TraceEvent event) {
    if (event.dropReason() != null) {
      return event.dropReason().text();
    }
    if (event.fault() != null) {
      return event.fault().toString();
    }
    return event.logLine();
  }

  private static void nullableString(StringBuilder json, String value) {
    if (value == null) {
      json.append("null");
    } else {
      Json.string(json, value);
    }
  }

  static String error(String message) {
    StringBuilder json = new StringBuilder("{\"ok\":false,\"error\":");
    Json.string(json, message);
    return json.append('}').toString();
  }

  /** Bad input from the page: reported as its message. */
  private static final class BadInput extends RuntimeException {
    BadInput(String message) {
      super(message);
    }
  }
}
