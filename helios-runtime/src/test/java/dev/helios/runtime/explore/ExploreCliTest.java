package dev.helios.runtime.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.cli.SimulationCli;
import dev.helios.runtime.fault.Fault;
import dev.helios.runtime.fault.ScheduledFault;
import dev.helios.runtime.trace.TraceFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's exploring side: {@code --explore}, {@code --shrink}, {@code --parallelism},
 * {@code --shard}, {@code --results}, {@code --merge} and {@code --faults}, with and without a
 * scenarios method. Every printed replay line is run again through the command line and must fail
 * the same check with the same trace hash.
 */
class ExploreCliTest {
  private static final LongFunction<Simulation> BUILD = ExploreDemo::build;
  private static final Function<Simulation, ScenarioBuilder> SCENARIOS = ExploreDemo::scenarios;

  private record Outcome(int status, String out, String err) {
    String lastLine() {
      String[] lines = out.strip().split("\n");
      return lines[lines.length - 1];
    }

    String traceHash() {
      String last = lastLine();
      return last.substring(last.lastIndexOf("trace hash: ") + "trace hash: ".length());
    }
  }

  private static Outcome run(
      LongFunction<Simulation> build, Function<Simulation, ScenarioBuilder> scenarios, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = SimulationCli.run("SimMain", args, build, scenarios,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Outcome run(String... args) {
    return run(BUILD, SCENARIOS, args);
  }

  /** The demo's whole space, explored directly: what the command line must agree with. */
  private static ExplorationResult whole() {
    return ExploreDemo.scenarios(ExploreDemo.build(42)).quiet().explore();
  }

  /** The command lines {@code --explore} printed, in order: {@code SimMain --seed ...}. */
  private static List<String> replayLines(String out) {
    List<String> lines = new ArrayList<>();
    for (String line : out.split("\n")) {
      int start = line.indexOf("SimMain --seed");
      if (start >= 0) {
        lines.add(line.substring(start));
      }
    }
    return lines;
  }

  /** A printed command line's arguments, as a shell would split them: double quotes group. */
  private static String[] arguments(String line) {
    List<String> args = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : line.substring("SimMain ".length()).toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          args.add(current.toString());
        }
        current.setLength(0);
        any = false;
      } else {
        current.append(c);
        any = true;
      }
    }
    if (any) {
      args.add(current.toString());
    }
    return args.toArray(new String[0]);
  }

  // ---- --explore ----

  @Test
  void explorePrintsTheSummaryAndALineToReplayEachViolationAndExitsOne() {
    ExplorationResult whole = whole();
    assertEquals(8, whole.violationCount(), "the demo's space has violations to print");
    Outcome outcome = run("--explore", "--quiet");
    assertEquals(1, outcome.status(), outcome.err());
    assertTrue(outcome.out().startsWith(whole.summary()), outcome.out());
    List<String> expected = new ArrayList<>();
    for (Violation violation : whole.violations()) {
      expected.add("SimMain " + violation.replayArguments());
    }
    assertEquals(expected, replayLines(outcome.out()));
    assertTrue(outcome.lastLine().matches("seed: 42, scenarios: 32, violations: 8, wall time: \\d+ ms"), outcome.lastLine());
  }

  /**
   * A build whose seed decides more than the run seed (here, the number of nodes): the replay line
   * keeps the build seed of the exploration and names the scenario's run seed apart.
   */
  @Test
  void aReplayLineRebuildsWithTheExplorationsBuildSeedAndNamesTheRunSeed() {
    LongFunction<Simulation> build = seed -> Beacons.of(seed % 2 == 0 ? 3 : 4, seed);
    Function<Simulation, ScenarioBuilder> scenarios = sim -> ScenarioBuilder.of(sim)
        .maybeCrash(1, 20)
        .maybeIsolate(2, 30)
        .seeds(7, 42)
        .until(60)
        .check("node 0 heard within 12 ms", s -> Beacons.allHeardWithin(s, 12));
    Outcome explored = run(build, scenarios, "--explore", "--quiet");
    assertEquals(1, explored.status(), explored.err());
    List<String> lines = replayLines(explored.out());
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("SimMain --seed 42 --run-seed 7 --faults ")), explored.out());
    ExplorationResult whole = scenarios.apply(build.apply(42)).quiet().explore();
    for (int i = 0; i < lines.size(); i++) {
      Violation violation = whole.violations().get(i);
      Outcome replay = run(build, scenarios, arguments(lines.get(i)));
      assertEquals(1, replay.status(), lines.get(i));
      assertEquals(TraceFormats.hex(violation.traceHash()), replay.traceHash(), lines.get(i));
    }
    Outcome unused = run(build, scenarios, "--run-seed", "7");
    assertEquals(2, unused.status());
    assertTrue(unused.err().startsWith("SimMain: --run-seed sets the run seed of the scenario that --faults runs; use it with --faults"), unused.err());
  }

  @Test
  void exploreWithoutViolationsExitsZero() {
    Outcome outcome = run(BUILD, sim -> ScenarioBuilder.of(sim).maybeCrash(1, 20).check("holds", s -> true), "--explore");
    assertEquals(0, outcome.status(), outcome.err());
    assertTrue(outcome.out().startsWith("scenarios: 2 (2 run, 0 deduplicated)\nviolations: 0\n"), outcome.out());
    assertFalse(outcome.out().contains("replay"), outcome.out());
  }

  @Test
  void eachReplayLineReproducesItsViolation() {
    ExplorationResult whole = whole();
    List<String> lines = replayLines(run("--explore", "--quiet").out());
    for (int i = 0; i < lines.size(); i++) {
      Violation violation = whole.violations().get(i);
      Outcome replay = run(arguments(lines.get(i)));
      assertEquals(1, replay.status(), lines.get(i) + "\n" + replay.err());
      assertTrue(replay.out().contains("violation: " + violation.check() + ": " + violation.message()), replay.out());
      assertEquals(TraceFormats.hex(violation.traceHash()), replay.traceHash(), lines.get(i));
      assertTrue(replay.lastLine().startsWith("seed: " + violation.seed() + ", events: " + violation.eventCount() + ", "),
          replay.lastLine());
    }
  }

  @Test
  void shrinkPrintsEachShrunkViolationAndALineThatReproducesIt() {
    ExplorationResult whole = whole();
    Outcome outcome = run("--explore", "--shrink", "--quiet");
    assertEquals(1, outcome.status(), outcome.err());
    for (int i = 0; i < 5; i++) {
      Violation shrunk = whole.violations().get(i).shrink();
      String line = "SimMain " + shrunk.replayArguments();
      assertTrue(outcome.out().contains("shrunk: " + shrunk + "\n"), outcome.out());
      assertTrue(outcome.out().contains(line + "\n"), line);
      Outcome replay = run(arguments(line));
      assertEquals(1, replay.status(), line + "\n" + replay.err());
      assertTrue(replay.out().contains("violation: " + shrunk.check() + ": "), replay.out());
      assertEquals(TraceFormats.hex(shrunk.traceHash()), replay.traceHash(), line);
    }
    assertTrue(outcome.out().contains("(shrunk: the first 5;"), outcome.out());
  }

  /**
   * A shrunk violation whose bound is earlier than the space's prints {@code --until}; the replay
   * line overrides the bound the scenarios method set, and only with it does the run end where the
   * shrunk one did. The violation has no faults, so the line is a plain {@code --seed}: with a
   * scenarios method that runs the scenario with no faults, checked.
   */
  @Test
  void aShrunkBoundIsReplayedWithUntilOverridingTheSpacesBound() {
    Function<Simulation, ScenarioBuilder> scenarios = sim -> ScenarioBuilder.of(sim)
        .maybeCrash(1, 20)
        .seedRange(0, 1)
        .until(80)
        .check("node 0 heard at most 12 beats", s -> Beacons.node(s, 0).beatsReceived <= 12);
    ExplorationResult result = scenarios.apply(BUILD.apply(42)).quiet().explore();
    Violation violation = result.violations().get(0);
    assertEquals(List.of(), violation.faults(), violation.toString());
    Violation shrunk = violation.shrink();
    assertTrue(shrunk.untilMicros() > 0 && shrunk.untilMicros() < 80_000, shrunk.replayArguments());
    assertEquals("--seed 42 --run-seed " + shrunk.seed() + " --faults \"\" --until " + shrunk.untilMicros() / 1000, shrunk.replayArguments());

    Outcome printed = run(BUILD, scenarios, "--explore", "--shrink", "--quiet");
    assertTrue(printed.out().contains("SimMain " + shrunk.replayArguments() + "\n"), printed.out());
    Outcome replay = run(BUILD, scenarios, arguments("SimMain " + shrunk.replayArguments()));
    assertEquals(1, replay.status(), replay.err());
    assertTrue(replay.out().contains("violation: node 0 heard at most 12 beats: returned false at the end, "
        + TraceFormats.millis(shrunk.untilMicros()) + " ms"), replay.out());
    assertEquals(TraceFormats.hex(shrunk.traceHash()), replay.traceHash());

    Outcome original = run(BUILD, scenarios, arguments("SimMain " + violation.replayArguments()));
    assertEquals(1, original.status(), original.err());
    assertEquals(TraceFormats.hex(violation.traceHash()), original.traceHash(), "without --until: the space's bound");
    assertFalse(original.traceHash().equals(replay.traceHash()));
  }

  @Test
  void atMostTwentyReplayLinesAndFiveShrinksArePrinted() {
    Outcome outcome = run(BUILD, sim -> ScenarioBuilder.of(sim)
        .maybeCrash(1, 20)
        .seedRange(0, 24)
        .until(30)
        .check("never", s -> false), "--explore", "--shrink", "--quiet");
    assertEquals(1, outcome.status(), outcome.err());
    assertTrue(outcome.out().contains("violations: 50\n"), outcome.out());
    assertTrue(outcome.out().contains("replay (the first 20 of 50 distinct):\n"), outcome.out());
    assertTrue(outcome.out().contains("\n  20: SimMain --seed 42 --run-seed 9 --faults \"crash 1 @ 20ms\"\n"
        + "      view: ?sim=Sim&seed=42&run-seed=9&faults=crash%201%20%40%2020ms&run\n"), outcome.out());
    assertFalse(outcome.out().contains("21: SimMain"), outcome.out());
    assertEquals(20 + 5, replayLines(outcome.out()).size(), outcome.out());
    assertEquals(5, outcome.out().split("shrunk: never", -1).length - 1, outcome.out());
    assertTrue(outcome.out().contains("  ... and 30 more distinct violations, listed above; --results FILE writes them all\n"),
        outcome.out());
    assertTrue(outcome.out().contains("  (shrunk: the first 5; each shrink reruns its scenario many times)\n"), outcome.out());
  }

  @Test
  void violationsThatDifferOnlyInSkippedChoicesArePrintedOnceWithTheirCount() {
    // Restarting node 1 is skipped unless it crashed: the two scenarios with the crash differ only
    // in the skipped restart of node 2, and so do the two without it; each pair is one outcome.
    Outcome outcome = run(BUILD, sim -> ScenarioBuilder.of(sim)
        .maybeCrash(1, 20)
        .maybeRestart(2, 25)
        .until(30)
        .check("never", s -> false), "--explore", "--quiet");
    assertEquals(1, outcome.status(), outcome.err());
    assertTrue(outcome.out().contains("violations: 4\n"), outcome.out());
    assertTrue(outcome.out().contains("  never: returned false at the end, 30.000 ms (seed 42, no faults) [2 scenarios]\n"),
        outcome.out());
    assertTrue(outcome.out().contains(" (seed 42, faults: crash 1 @ 20ms) [2 scenarios]\n"), outcome.out());
    assertEquals(2, replayLines(outcome.out()).size(), outcome.out());
    ExplorationResult result = ScenarioBuilder.of(BUILD.apply(42))
        .maybeCrash(1, 20).maybeRestart(2, 25).until(30).check("never", s -> false).quiet().explore();
    assertEquals(4, result.violations().size());
    assertEquals(List.of(result.violations().get(0), result.violations().get(2)), result.distinctViolations());
  }

  @Test
  void parallelismGivesTheSameResult() {
    Outcome one = run("--explore", "--quiet");
    Outcome four = run("--explore", "--quiet", "--parallelism", "4");
    assertEquals(1, four.status(), four.err());
    assertEquals(one.out().substring(0, one.out().lastIndexOf("wall time")),
        four.out().substring(0, four.out().lastIndexOf("wall time")));
  }

  // ---- --results and --merge ----

  @Test
  void shardResultsMergeIntoTheWholeExploration(@TempDir Path work) throws IOException {
    ExplorationResult whole = whole();
    for (int count : new int[] {2, 3}) {
      List<String> merge = new ArrayList<>(List.of("--merge"));
      List<ExplorationResult> shards = new ArrayList<>();
      ScenarioBuilder reader = ExploreDemo.scenarios(ExploreDemo.build(42));
      for (int index = 0; index < count; index++) {
        Path file = work.resolve("shard-" + index + "-of-" + count + ".txt");
        Outcome shard = run("--explore", "--shard", index + "/" + count, "--results", file.toString(), "--quiet");
        ExplorationResult expected = ExploreDemo.scenarios(ExploreDemo.build(42)).shard(index, count).quiet().explore();
        assertEquals(expected.violationCount() == 0 ? 0 : 1, shard.status(), shard.err());
        assertTrue(shard.out().startsWith(expected.summary()), shard.out());
        assertTrue(shard.out().contains("results of shard " + index + "/" + count + " written to " + file + "\n"), shard.out());
        assertEquals(expected.toText(), Files.readString(file));
        shards.add(reader.readResult(Files.readString(file)));
        merge.add(file.toString());
      }
      assertEquals(whole.toText(), ExplorationResult.merge(shards).toText(), "shards=" + count);
      Outcome merged = run(merge.toArray(new String[0]));
      assertEquals(1, merged.status(), merged.err());
      assertTrue(merged.out().startsWith(whole.summary()), merged.out());
      assertEquals(replayLines(run("--explore", "--quiet").out()), replayLines(merged.out()));
    }
  }

  @Test
  void mergeHonoursShrink(@TempDir Path work) {
    Path file = work.resolve("all.txt");
    run("--explore", "--results", file.toString(), "--quiet");
    Outcome merged = run("--merge", file.toString(), "--shrink");
    Violation shrunk = whole().violations().get(0).shrink();
    assertTrue(merged.out().contains("shrunk: " + shrunk + "\n"), merged.out());
    assertTrue(merged.out().contains("SimMain " + shrunk.replayArguments() + "\n"), merged.out());
  }

  @Test
  void aResultsFileThatCannotBeWrittenIsReportedBeforeAnythingRuns(@TempDir Path work) {
    int[] builds = {0};
    LongFunction<Simulation> counted = seed -> {
      builds[0]++;
      return ExploreDemo.build(seed);
    };
    Path missing = work.resolve("no-such-dir").resolve("results.txt");
    Outcome noDirectory = run(counted, SCENARIOS, "--explore", "--results", missing.toString());
    assertEquals(2, noDirectory.status());
    assertEquals("SimMain: cannot write the results to " + missing + ": the directory " + missing.getParent()
        + " does not exist; create it first\n", noDirectory.err());
    Outcome directory = run(counted, SCENARIOS, "--explore", "--results", work.toString());
    assertEquals(2, directory.status());
    assertTrue(directory.err().contains("cannot write the results to " + work + ": it is a directory; name a file"),
        directory.err());
    assertEquals(0, builds[0], "nothing was built or explored");
  }

  @Test
  void mergeRefusesUnreadableFilesOtherSpacesAndMissingShards(@TempDir Path work) throws IOException {
    Path missing = work.resolve("missing.txt");
    Outcome unreadable = run("--merge", missing.toString());
    assertEquals(2, unreadable.status());
    assertEquals("SimMain: cannot read the results file " + missing + ": no such file\n", unreadable.err());

    Path notResults = work.resolve("notes.txt");
    Files.writeString(notResults, "hello\n");
    Outcome garbage = run("--merge", notResults.toString());
    assertEquals(2, garbage.status());
    assertTrue(garbage.err().startsWith("SimMain: " + notResults + ": exploration results, line 1: expected"
        + " \"helios-exploration 1\": this is not a Helios exploration result"), garbage.err());

    Path shard0 = work.resolve("shard0.txt");
    Path shard1 = work.resolve("shard1.txt");
    run("--explore", "--shard", "0/2", "--results", shard0.toString(), "--quiet");
    run("--explore", "--shard", "1/2", "--results", shard1.toString(), "--quiet");
    Outcome other = run(BUILD, sim -> SCENARIOS.apply(sim).maybeCrash(2, 50), "--merge", shard0.toString(), shard1.toString());
    assertEquals(2, other.status());
    assertTrue(other.err().startsWith("SimMain: " + shard0 + ": these results come from another exploration"), other.err());
    assertTrue(other.err().contains("(give --merge the --results files of one --explore, and its --seed)"), other.err());

    Outcome half = run("--merge", shard1.toString());
    assertEquals(2, half.status());
    assertEquals("SimMain: shard 0/2 is missing; merge every shard's result\n", half.err());
    Outcome twice = run("--merge", shard0.toString(), shard0.toString(), shard1.toString());
    assertEquals(2, twice.status());
    assertEquals("SimMain: shard 0/2 is given twice; give each shard once\n", twice.err());
  }

  // ---- --faults ----

  @Test
  void faultsWithAScenariosMethodRunOneScenarioChecked(@TempDir Path work) throws IOException {
    String faults = "partition 0-2 @ 15ms; crash 1 @ 20ms; restart 1 @ 10ms";
    ScenarioRun expected = ExploreDemo.scenarios(ExploreDemo.build(0)).runScenario(0, ScheduledFault.parseAll(faults));
    Outcome outcome = run("--seed", "0", "--faults", faults);
    assertEquals(1, outcome.status(), outcome.err());
    assertTrue(outcome.out().startsWith(TraceFormats.text(expected.simulation().trace())), outcome.out());
    assertTrue(outcome.out().contains("\nskipped: restart 1 @ 10ms (the node was running)\n"), outcome.out());
    assertTrue(outcome.out().contains("\nviolation: " + expected.violation().orElseThrow() + "\n"
        + "view: ?sim=Sim&seed=0&faults=partition%200-2%20%40%2015ms%3B%20crash%201%20%40%2020ms&run\n"), outcome.out());
    assertEquals(TraceFormats.hex(expected.simulation().traceHash()), outcome.traceHash());

    Path trace = work.resolve("trace.jsonl");
    Outcome traced = run("--seed", "0", "--faults", faults, "--trace", trace.toString(), "--format", "jsonl");
    assertEquals(1, traced.status(), traced.err());
    assertEquals(expected.simulation().trace().size(), Files.readAllLines(trace).size());
    assertTrue(traced.out().startsWith("trace (jsonl, " + expected.simulation().trace().size() + " events) written to "),
        traced.out());

    Outcome holds = run("--seed", "0", "--faults", "crash 1 @ 20ms", "--quiet");
    assertEquals(0, holds.status(), holds.out());
    assertTrue(holds.out().startsWith("every check held\nseed: 0, events: "), holds.out());
  }

  @Test
  void untilWithFaultsAndAScenariosMethodMustFitTheSpace() {
    Function<Simulation, ScenarioBuilder> liveness = sim -> ScenarioBuilder.of(sim)
        .maybeCrash(1, 20)
        .eventually("node 0 hears", s -> Beacons.allHeardWithin(s, 15), 30);
    Outcome early = run(BUILD, liveness, "--faults", "crash 1 @ 20ms", "--until", "40");
    assertEquals(2, early.status());
    assertEquals("SimMain: --until 40 does not fit this space: until 40 ms ends before the liveness window, which"
        + " runs to 50 ms (the heal at the last choice plus the longest eventually bound)\n", early.err());
    assertEquals(0, run(BUILD, liveness, "--faults", "crash 1 @ 20ms", "--until", "50", "--quiet").status());
  }

  @Test
  void faultsWithoutAScenariosMethodAreAppliedAtTheirTimes(@TempDir Path work) throws IOException {
    Simulation expected = ExploreDemo.build(7);
    expected.runUntilMicros(15_000);
    expected.apply(new Fault.Partition(0, 2));
    expected.runUntilMicros(20_000);
    expected.apply(new Fault.Crash(1));
    expected.runUntilMs(60);
    Path trace = work.resolve("trace.txt");
    Outcome outcome = run(BUILD, null,
        "--seed", "7", "--faults", "crash 1 @ 20ms; partition 0-2 @ 15ms; crash 1 @ 30ms", "--until", "60",
        "--trace", trace.toString());
    assertEquals(0, outcome.status(), outcome.err());
    assertEquals(TraceFormats.text(expected.trace()), Files.readString(trace));
    assertTrue(outcome.out().contains("skipped: crash 1 @ 30ms (the node was already crashed)\n"), outcome.out());
    assertTrue(outcome.out().contains("stopped: reached the requested time"), outcome.out());
    assertEquals(TraceFormats.hex(expected.traceHash()), outcome.traceHash());
    assertTrue(outcome.lastLine().startsWith("seed: 7, events: " + expected.eventCount() + ", virtual time: 60.000 ms"),
        outcome.lastLine());
  }

  @Test
  void faultsThatCannotBeReadOrNameNoNodeExitTwo() {
    for (Function<Simulation, ScenarioBuilder> scenarios : Arrays.asList(SCENARIOS, null)) {
      Outcome bad = run(BUILD, scenarios, "--faults", "crsh 1 @ 5ms");
      assertEquals(2, bad.status());
      assertTrue(bad.err().startsWith("SimMain: --faults line 1: cannot read fault \"crsh 1 @ 5ms\": unknown fault"),
          bad.err());
      Outcome noNode = run(BUILD, scenarios, "--faults", "crash 9 @ 5ms");
      assertEquals(2, noNode.status());
      assertEquals("SimMain: --faults \"crash 9 @ 5ms\" names node 9, which build(42) does not have; the nodes are"
          + " [0, 1, 2]\n", noNode.err());
    }
  }

  // ---- usage ----

  @Test
  void exploringOptionsNeedAScenariosMethod() {
    String[][] cases = {
      {"--explore"}, {"--merge", "a.txt"}, {"--explore", "--shrink"}, {"--explore", "--parallelism", "2"},
      {"--explore", "--shard", "0/2"}, {"--explore", "--results", "r.txt"},
    };
    String[] named = {"--explore", "--merge", "--explore", "--explore", "--explore", "--explore"};
    for (int i = 0; i < cases.length; i++) {
      Outcome outcome = run(BUILD, null, cases[i]);
      assertEquals(2, outcome.status(), String.join(" ", cases[i]));
      assertTrue(outcome.err().startsWith("SimMain: SimMain has no scenarios method, which " + named[i] + " needs:"
          + " declare public static ScenarioBuilder scenarios(Simulation sim) in its @SimulationMain class\n"),
          outcome.err());
    }
  }

  @Test
  void badExploringOptionsNameTheValueAndTheRuleAndExitTwo() {
    String[][] cases = {
      {"--explore", "--shard", "2/2"}, {"--explore", "--shard", "x/2"}, {"--explore", "--shard", "1"},
      {"--explore", "--shard", "-1/2"}, {"--explore", "--parallelism", "0"}, {"--explore", "--parallelism", "many"},
      {"--results", "r.txt"}, {"--shard", "0/2"}, {"--parallelism", "2"}, {"--merge", "a", "--parallelism", "2"},
      {"--shrink"}, {"--explore", "--seeds", "1..2"}, {"--faults", "crash 1 @ 5ms", "--explore"},
      {"--merge", "a", "--explore"}, {"--faults", "crash 1 @ 5ms", "--check-determinism"},
      {"--faults", "crash 1 @ 5ms", "--seeds", "1..3"}, {"--merge"}, {"--merge", "--explore"},
      {"--explore", "--until", "5"}, {"--explore", "--trace", "t.txt"}, {"--merge", "a", "--format", "jsonl"},
      {"--explore", "--explore"}, {"--merge", "a", "--merge", "b"}, {"--faults"},
      {"--faults", "crash 1 @ 50ms", "--until", "10"},
    };
    String[] expected = {
      "--shard accepts I/N with 0 <= I < N (shard I of N), got '2/2'",
      "--shard accepts I/N with 0 <= I < N (shard I of N), got 'x/2'",
      "--shard accepts I/N with 0 <= I < N (shard I of N), got '1'",
      "--shard accepts I/N with 0 <= I < N (shard I of N), got '-1/2'",
      "--parallelism accepts a number of threads, 1 to 1024, got 0",
      "--parallelism accepts a number of threads, 1 to 1024, got 'many'",
      "--results applies to an exploration; use it with --explore",
      "--shard applies to an exploration; use it with --explore",
      "--parallelism applies to an exploration; use it with --explore",
      "--parallelism applies to an exploration; use it with --explore",
      "--shrink shrinks the violations that --explore or --merge print; use it with one of them",
      "--seeds and --explore cannot be combined: give one of --seeds, --check-determinism, --explore, --merge and --faults",
      "--explore and --faults cannot be combined",
      "--explore and --merge cannot be combined",
      "--check-determinism and --faults cannot be combined",
      "--seeds and --faults cannot be combined",
      "--merge needs a value: one or more files written by --explore --results",
      "--merge needs a value",
      "--until bounds one run, and --explore runs the space's scenarios, which until(ms) in scenarios(sim) bounds;"
          + " replay one scenario with --seed, --faults and --until",
      "--trace applies to one run, not to --explore; replay one scenario with --seed and --faults to see its trace",
      "--format applies to one run, not to --merge",
      "--explore is given twice; give it once",
      "--merge is given twice; give it once",
      "--faults needs a value: fault text such as \"crash 1 @ 50ms; partition 0-2 @ 20ms\"",
      "--faults \"crash 1 @ 50ms\" comes after --until 10 ms; give faults at or before the end of the run",
    };
    assertEquals(cases.length, expected.length);
    for (int i = 0; i < cases.length; i++) {
      Outcome outcome = run(cases[i]);
      assertEquals(2, outcome.status(), String.join(" ", cases[i]));
      assertTrue(outcome.err().startsWith("SimMain: " + expected[i]), String.join(" ", cases[i]) + ": " + outcome.err());
      assertTrue(outcome.err().contains("usage: SimMain [options]"), outcome.err());
    }
  }

  @Test
  void anOptionTheScenariosMethodAlreadySetIsAUsageError() {
    Outcome outcome = run(BUILD, sim -> SCENARIOS.apply(sim).parallelism(2), "--explore", "--parallelism", "3");
    assertEquals(2, outcome.status());
    assertEquals("SimMain: --parallelism cannot be applied: scenarios(sim) set it already (parallelism is already 2;"
        + " set it once); drop --parallelism or the call in scenarios(sim)\n", outcome.err());
  }

  @Test
  void aScenariosMethodThatFailsIsReportedAndExitsOne() {
    Outcome nothing = run(BUILD, sim -> null, "--explore");
    assertEquals(1, nothing.status());
    assertEquals("SimMain: scenarios(sim) returned null; return the ScenarioBuilder\n", nothing.err());
    Outcome threw = run(BUILD, sim -> {
      throw new IllegalArgumentException("bad space");
    }, "--seed", "3", "--faults", "");
    assertEquals(1, threw.status());
    assertEquals("SimMain: scenarios(sim) threw java.lang.IllegalArgumentException: bad space\n", threw.err());
    Outcome unchecked = run(BUILD, sim -> ScenarioBuilder.of(sim).maybeCrash(1, 20), "--explore");
    assertEquals(1, unchecked.status());
    assertTrue(unchecked.err().startsWith("SimMain: the scenarios cannot be explored: no checks"), unchecked.err());
  }

  @Test
  void helpListsTheExploringOptions() {
    Outcome outcome = run("--help");
    assertEquals(0, outcome.status());
    for (String option : new String[] {"--faults TEXT", "--explore", "--shrink", "--parallelism N", "--shard I/N",
        "--results FILE", "--merge FILE...", "scenarios(Simulation sim)"}) {
      assertTrue(outcome.out().contains(option), option);
    }
  }
}
