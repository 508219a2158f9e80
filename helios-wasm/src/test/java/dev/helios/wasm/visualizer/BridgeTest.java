package dev.helios.wasm.visualizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationSource;
import dev.helios.runtime.cli.SimulationCli;
import dev.helios.runtime.explore.ScenarioBuilder;
import dev.helios.wasm.QuickstartWasm;
import dev.helios.wasm.demo.Quickstart;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The visualizer's bridge on the JVM: a run opened from a link ends with the trace hash the
 * generated main prints for the same arguments; stepping back restores exactly; a fault applied by
 * hand lands in the schedule that reproduces it; a branch differs from its original only after it
 * is changed; bad input is an error naming the value.
 */
class BridgeTest {
  /** Five gossiping replicas without scenarios: a plain run, with faults at their times. */
  static final SimulationSource REPLICAS = new SimulationSource() {
    @Override
    public String name() {
      return "test.Replicas";
    }

    @Override
    public Simulation build(long seed) {
      return QuickstartWasm.faultsAndFork(seed);
    }

    @Override
    public boolean hasScenarios() {
      return false;
    }

    @Override
    public ScenarioBuilder scenarios(Simulation sim) {
      throw new UnsupportedOperationException();
    }
  };

  private final Bridge bridge = new Bridge(List.of(sourceOf("dev.helios.wasm.demo.Quickstart"), REPLICAS));

  private static SimulationSource sourceOf(String name) {
    for (SimulationSource source : SimulationSource.all()) {
      if (source.name().equals(name)) {
        return source;
      }
    }
    throw new AssertionError(name + " is not registered; the services file has " + SimulationSource.all());
  }

  @Test
  void theDemoQuickstartIsRegisteredForThisModulesSite() {
    assertEquals(List.of("dev.helios.wasm.demo.Quickstart"), SimulationSource.all().stream().map(SimulationSource::name).toList());
    assertTrue(bridge.simulations().contains("{\"name\":\"dev.helios.wasm.demo.Quickstart\",\"title\":\"Quickstart\",\"scenarios\":true}"));
  }

  @Test
  void aRunOpenedFromALinkEndsWithTheHashTheGeneratedMainPrints() {
    String[] quickstartFaults = {"crash 1 @ 50ms", "partition 0-2 @ 20ms; crash 1 @ 105ms", "crash 2 @ 101ms; restart 2 @ 104ms"};
    String[] replicaFaults = {"crash 3 @ 40ms; restart 3 @ 90ms", "isolate 4 @ 10ms; heal-all @ 140ms", "crash 1 @ 120ms"};
    for (long seed = 0; seed < 6; seed++) {
      for (String until : new String[] {"", "150"}) {
        assertSameHash("Quickstart", seed, null, until);
        assertSameHash("test.Replicas", seed, null, until);
        for (String faults : quickstartFaults) {
          assertSameHash("Quickstart", seed, faults, until);
        }
        for (String faults : replicaFaults) {
          assertSameHash("test.Replicas", seed, faults, until);
        }
      }
    }
  }

  private void assertSameHash(String name, long seed, String faults, String until) {
    List<String> args = new ArrayList<>(List.of("--seed", Long.toString(seed)));
    if (faults != null) {
      args.add("--faults");
      args.add(faults);
    }
    if (!until.isEmpty()) {
      args.add("--until");
      args.add(until);
    }
    String cliOutput = name.equals("Quickstart")
        ? cli(args, Quickstart::build, true)
        : cli(args, REPLICAS::build, false);
    String expected = lastHash(cliOutput);
    Json state = open(name, Long.toString(seed), "", faults == null ? "" : faults, faults != null, until);
    state = Json.of(bridge.step(state.session(), Integer.MAX_VALUE));
    assertTrue(state.bool("done"), state.text);
    assertEquals(expected, state.string("traceHash"), name + " " + args + ": " + state.text + "\nCLI:\n" + cliOutput);
    assertTrue(cliOutput.contains("virtual time: " + Session.millis(state.number("nowMicros")) + " ms,"),
        "the clock ends where the generated main's does: " + state.text + "\nCLI:\n" + cliOutput);
  }

  private static String cli(List<String> args, java.util.function.LongFunction<Simulation> build, boolean scenarios) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    SimulationCli.run("Main", args.toArray(String[]::new), build, scenarios ? Quickstart::scenarios : null,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
  }

  private static String lastHash(String output) {
    Matcher matcher = Pattern.compile("trace hash: ([0-9a-f]{16})").matcher(output);
    String hash = null;
    while (matcher.find()) {
      hash = matcher.group(1);
    }
    if (hash == null) {
      throw new AssertionError("no trace hash in:\n" + output);
    }
    return hash;
  }

  @Test
  void steppingBackRestoresTheRunExactlyAtEveryStep() {
    long seed = new Random().nextLong() & 0xffff;
    System.out.println("seed=" + seed);
    Json end = open("test.Replicas", Long.toString(seed), "", "crash 1 @ 100ms; restart 1 @ 200ms", true, "");
    int handle = end.session();
    end = Json.of(bridge.step(handle, Integer.MAX_VALUE));
    long steps = end.number("step");
    assertTrue(steps > 2 * Session.SNAPSHOT_EVERY_STEPS, "seed " + seed + ": a run long enough to cross snapshots: " + steps);
    String fullTrace = bridge.jsonLines(handle);
    Random random = new Random(seed);
    for (int i = 0; i < 12; i++) {
      long target = random.nextLong(steps + 1);
      Json back = Json.of(bridge.seek(handle, target));
      assertEquals(target, back.number("step"), "seed " + seed);
      Json fresh = open("test.Replicas", Long.toString(seed), "", "crash 1 @ 100ms; restart 1 @ 200ms", true, "");
      fresh = Json.of(bridge.step(fresh.session(), (int) target));
      assertEquals(fresh.string("traceHash"), back.string("traceHash"), "seed " + seed + ", step " + target);
      assertEquals(fresh.number("traceSize"), back.number("traceSize"), "seed " + seed + ", step " + target);
      assertTrue(fullTrace.startsWith(bridge.jsonLines(handle)), "seed " + seed + ", step " + target);
    }
    assertEquals(end.string("traceHash"), Json.of(bridge.step(handle, Integer.MAX_VALUE)).string("traceHash"), "seed " + seed);
  }

  @Test
  void aFaultAppliedByHandJoinsTheScheduleThatReproducesTheRun() {
    Json state = open("test.Replicas", "5", "", "", false, "");
    int handle = state.session();
    bridge.step(handle, 157);
    state = Json.of(bridge.apply(handle, "crash 2"));
    assertTrue(state.bool("ok"), state.text);
    assertTrue(state.text.contains("\"crashed\":[2]"), state.text);
    bridge.step(handle, 300);
    state = Json.of(bridge.apply(handle, "partition 0-4"));
    String faults = state.string("faults");
    assertTrue(faults.matches("crash 2 @ \\d+us\\npartition 0-4 @ \\d+us\\n|crash 2 @ \\d+ms\\npartition 0-4 @ \\d+(ms|us)\\n"), faults);
    state = Json.of(bridge.step(handle, Integer.MAX_VALUE));
    Json replay = open("test.Replicas", "5", "", faults, true, "");
    replay = Json.of(bridge.step(replay.session(), Integer.MAX_VALUE));
    assertEquals(state.string("traceHash"), replay.string("traceHash"));
    assertEquals(lastHash(cli(List.of("--seed", "5", "--faults", faults), REPLICAS::build, false)), state.string("traceHash"));
    // Back before the crash and forward again: the fault stays in the schedule, so the run is the same.
    bridge.seek(handle, 10);
    assertEquals(state.string("traceHash"), Json.of(bridge.step(handle, Integer.MAX_VALUE)).string("traceHash"));
  }

  @Test
  void aBranchDiffersFromItsOriginalOnlyAfterItIsChanged() {
    Json original = open("test.Replicas", "9", "", "", false, "");
    int a = original.session();
    bridge.step(a, 400);
    Json branch = Json.of(bridge.fork(a));
    int b = branch.session();
    assertEquals(a, branch.number("parent"));
    long forkedAt = branch.number("forkTraceSize");
    Json sameA = Json.of(bridge.step(a, 200));
    Json sameB = Json.of(bridge.step(b, 200));
    assertEquals(sameA.string("traceHash"), sameB.string("traceHash"));
    assertEquals(-1, bridge.diverge(a, b));
    bridge.apply(b, "isolate 3");
    bridge.step(a, Integer.MAX_VALUE);
    bridge.step(b, Integer.MAX_VALUE);
    int first = bridge.diverge(a, b);
    assertTrue(first >= forkedAt, first + " >= " + forkedAt);
    String left = bridge.events(a, first);
    String right = bridge.events(b, first);
    assertNotEquals(left.substring(0, Math.min(left.length(), 120)), right.substring(0, Math.min(right.length(), 120)));
    assertTrue(bridge.events(a, 0).startsWith(bridge.events(b, 0).substring(0, 40)));
    // Stepping back in a branch stops at its fork.
    assertEquals(Json.of(bridge.state(b)).number("firstStep"), Json.of(bridge.seek(b, 0)).number("step"));
  }

  @Test
  void runningToATimeMovesTheClockThereSoAFaultByHandLandsThere() {
    int handle = open("Quickstart", "42", "", "", false, "").session();
    Json state = Json.of(bridge.runUntil(handle, 60_000));
    assertEquals(60_000, state.number("nowMicros"));
    state = Json.of(bridge.apply(handle, "crash 1"));
    assertEquals("crash 1 @ 60ms\n", state.string("faults"));
    int bounded = open("Quickstart", "42", "", "", false, "40").session();
    assertEquals(40_000, Json.of(bridge.runUntil(bounded, 90_000)).number("nowMicros"), "not past until");
  }

  @Test
  void aCheckedScenarioShowsItsViolation() {
    Json state = open("Quickstart", "7", "", "crash 1 @ 50ms", true, "");
    assertEquals("liveness: returned false at the end, 121.687 ms (seed 7, faults: crash 1 @ 50ms)", state.string("violation"));
    state = Json.of(bridge.step(state.session(), Integer.MAX_VALUE));
    assertEquals("399cce46877ec33e", state.string("traceHash"));
    assertEquals("the scenario's end", state.string("endReason"));
    assertEquals(121_687, state.number("violationMicros"));
    assertEquals(8, state.number("violationEventCount"));
    assertEquals("7", state.string("buildSeed"));
    // A fault list in the link is never dropped, whatever the flag says.
    assertTrue(open("Quickstart", "7", "", "crash 1 @ 50ms", false, "").string("violation").startsWith("liveness"));
  }

  @Test
  void badInputIsAnErrorThatNamesTheValueAndTheRule() {
    assertError("seed: \"abc\" is not an integer; give one, e.g. seed=42", bridge.open("", "abc", "", "", false, ""));
    assertError("seed: empty; give an integer, e.g. seed=42", bridge.open("", "", "", "", false, ""));
    assertError("sim: there is no simulation \"<img src=x>\"; this site has [dev.helios.wasm.demo.Quickstart, test.Replicas]",
        bridge.open("<img src=x>", "1", "", "", false, ""));
    assertTrue(error(bridge.open("", "1", "", "crash one @ 5ms", true, "")).startsWith("faults: line 1: "));
    assertError("faults: \"crash 9 @ 5ms\" names node 9, which dev.helios.wasm.demo.Quickstart does not have; its nodes are [0, 1, 2]",
        bridge.open("", "1", "", "crash 9 @ 5ms", true, ""));
    assertError("faults: \"crash 1 @ 80ms\" comes after until 50 ms; give faults at or before the end of the run",
        bridge.open("", "1", "", "crash 1 @ 80ms", true, "50"));
    assertError("until: -5 is negative; give the end of the run in ms, e.g. until=500", bridge.open("", "1", "", "", false, "-5"));
    assertError("run-seed: only a checked scenario (a simulation with scenarios, and faults given) takes a run seed",
        bridge.open("test.Replicas", "1", "3", "", false, ""));
    int handle = open("Quickstart", "1", "", "", false, "").session();
    assertError("\"restart 1\" cannot apply now: the node is running", bridge.apply(handle, "restart 1"));
    assertError("\"crash 7\" names node 7, which this simulation does not have", bridge.apply(handle, "crash 7"));
    assertTrue(error(bridge.apply(handle, "<script>")).contains("<script>"));
    assertError("no run 99 is open", bridge.step(99, 1));
  }

  private static void assertError(String expected, String answer) {
    assertEquals(expected, error(answer));
  }

  private static String error(String answer) {
    Json json = Json.of(answer);
    assertFalse(json.bool("ok"), answer);
    return json.string("error");
  }

  private Json open(String name, String seed, String runSeed, String faults, boolean faultsGiven, String until) {
    Json state = Json.of(bridge.open(name, seed, runSeed, faults, faultsGiven, until));
    assertTrue(state.bool("ok"), state.text);
    return state;
  }

  /** Reads the flat fields of the bridge's answers (enough for these tests; no JSON library here). */
  record Json(String text) {
    static Json of(String text) {
      return new Json(text);
    }

    int session() {
      return (int) number("session");
    }

    long number(String field) {
      Matcher m = Pattern.compile("\"" + field + "\":(-?\\d+)").matcher(text);
      assertTrue(m.find(), field + " in " + text);
      return Long.parseLong(m.group(1));
    }

    boolean bool(String field) {
      Matcher m = Pattern.compile("\"" + field + "\":(true|false)").matcher(text);
      assertTrue(m.find(), field + " in " + text);
      return Boolean.parseBoolean(m.group(1));
    }

    String string(String field) {
      Matcher m = Pattern.compile("\"" + field + "\":(null|\"((?:[^\"\\\\]|\\\\.)*)\")").matcher(text);
      assertTrue(m.find(), field + " in " + text);
      return m.group(2) == null ? null : m.group(2).replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }
  }
}
