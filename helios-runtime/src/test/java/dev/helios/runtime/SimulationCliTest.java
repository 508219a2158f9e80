package dev.helios.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.runtime.cli.SimulationCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.helios.runtime.trace.TraceFormats;

class SimulationCliTest {
  private record Outcome(int status, String out, String err) {
    String lastLine() {
      String[] lines = out.strip().split("\n");
      return lines[lines.length - 1];
    }
  }

  private static Outcome run(LongFunction<Simulation> build, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = SimulationCli.run("SimMain", args, build,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theDefaultRunPrintsTheTraceTheOutcomeAndTheSummaryLine() {
    Outcome outcome = run(Scenarios::quickstart);
    assertEquals(0, outcome.status(), outcome.err());
    assertTrue(outcome.out().contains("send         0 -> 1  #0  \"Hello\""), outcome.out());
    assertTrue(outcome.out().contains("stopped: no events left"), outcome.out());
    Simulation expected = Scenarios.quickstart(42);
    expected.run();
    assertTrue(outcome.lastLine().matches("seed: 42, events: " + expected.eventCount()
        + ", virtual time: [0-9.]+ ms, wall time: \\d+ ms, trace hash: " + TraceFormats.hex(expected.traceHash())),
        outcome.lastLine());
  }

  @Test
  void seedUntilAndQuietShapeTheRun() {
    Outcome outcome = run(Scenarios::quickstart, "--seed", "7", "--until", "105", "--quiet");
    assertEquals(0, outcome.status(), outcome.err());
    assertTrue(!outcome.out().contains("send "), "quiet prints no trace: " + outcome.out());
    assertTrue(outcome.out().contains("stopped: reached the requested time"), outcome.out());
    assertTrue(outcome.lastLine().startsWith("seed: 7, events: 5, virtual time: 105.000 ms"), outcome.lastLine());
  }

  @Test
  void traceFilesInEveryFormat(@TempDir Path work) throws IOException {
    for (String format : new String[] {"text", "jsonl", "chrome"}) {
      Path file = work.resolve("trace." + format);
      Outcome outcome = run(Scenarios::quickstart, "--trace", file.toString(), "--format", format);
      assertEquals(0, outcome.status(), outcome.err());
      String text = Files.readString(file);
      switch (format) {
        case "text" -> assertTrue(text.contains("deliver      0 -> 1  #0  \"Hello\""), text);
        case "jsonl" -> text.lines().forEach(MiniJson::parse);
        default -> assertTrue(((java.util.Map<?, ?>) MiniJson.parse(text)).containsKey("traceEvents"));
      }
      assertTrue(outcome.out().contains("written to " + file), outcome.out());
      assertTrue(!outcome.out().contains("send         0 -> 1"), "the trace goes to the file, not stdout");
    }
  }

  @Test
  void aTraceFileThatCannotBeWrittenIsReportedWithWhyBeforeAnythingRuns(@TempDir Path work) throws IOException {
    int[] builds = {0};
    LongFunction<Simulation> counted = seed -> {
      builds[0]++;
      return Scenarios.quickstart(seed);
    };
    Path missing = work.resolve("no-such-dir").resolve("trace.txt");
    Outcome noDirectory = run(counted, "--trace", missing.toString());
    assertEquals(2, noDirectory.status());
    assertEquals("SimMain: cannot write the trace to " + missing + ": the directory " + missing.getParent()
        + " does not exist; create it first\n", noDirectory.err());
    Outcome directory = run(counted, "--trace", work.toString());
    assertEquals(2, directory.status());
    assertTrue(directory.err().contains("cannot write the trace to " + work + ": it is a directory; name a file"), directory.err());
    assertEquals(0, builds[0], "nothing was built or run");
  }

  @Test
  void theTraceFileIsWrittenAsEventsHappenEvenWithRecordingOff(@TempDir Path work) throws IOException {
    Path file = work.resolve("trace.txt");
    Simulation expected = Scenarios.quickstart(42);
    expected.run();
    Outcome outcome = run(seed -> SimulationBuilder.create().ping(0).echo(1).echo(2)
        .lossyNetwork(10, 2, 0.1, seed).send(0, 1, "Hello", 100).send(0, 2, "Hello", 100).recordTrace(false).build(),
        "--trace", file.toString());
    assertEquals(0, outcome.status(), outcome.err());
    assertEquals(TraceFormats.text(expected.trace()), Files.readString(file));
    assertTrue(outcome.out().contains("trace (text, " + expected.trace().size() + " events) written to " + file), outcome.out());

    // A failing run keeps every event up to the failure in the file.
    Path failed = work.resolve("failed.jsonl");
    Outcome failing = run(seed -> SimulationBuilder.create()
        .node(0, TestNodes.Thrower::new).node(1, TestNodes.Sink::new).send(1, 0, "boom", 1).build(),
        "--trace", failed.toString(), "--format", "jsonl");
    assertEquals(1, failing.status());
    String lines = Files.readString(failed);
    assertTrue(lines.contains("\"kind\":\"deliver\"") && lines.contains("\"payload\":\"\\\"boom\\\"\""), lines);
  }

  @Test
  void aSeedSweepPrintsALinePerSeedAndNamesTheFailingOnes() {
    LongFunction<Simulation> failsOnOddSeeds = seed -> SimulationBuilder.create()
        .node(0, TestNodes.Thrower::new)
        .node(1, TestNodes.Sink::new)
        .seed(seed)
        .send(1, 0, seed % 2 == 1 ? "boom" : "fine", 1)
        .build();
    Outcome outcome = run(failsOnOddSeeds, "--seeds", "2..5");
    assertEquals(1, outcome.status());
    assertTrue(outcome.out().contains("seed 2: ok, events"), outcome.out());
    assertTrue(outcome.out().contains("seed 3: FAILED: simulation failed: node 0 (Thrower) threw"), outcome.out());
    assertTrue(outcome.out().contains("seeds 2..5: 2 ok, 2 failed: [3, 5]"), outcome.out());
    assertTrue(outcome.lastLine().startsWith("events: "), outcome.lastLine());
    assertEquals(0, run(Scenarios::quickstart, "--seeds", "0..3").status());
  }

  @Test
  void checkDeterminismPassesForADeterministicBuildAndNamesTheFirstDifferenceOtherwise() {
    Outcome same = run(Scenarios::quickstart, "--check-determinism");
    assertEquals(0, same.status(), same.out());
    assertTrue(same.out().startsWith("deterministic: two runs of seed 42 gave the same trace"), same.out());

    long[] builds = {0};
    LongFunction<Simulation> leaky = seed -> SimulationBuilder.create()
        .ping(0).echo(1)
        .seed(seed)
        .send(0, 1, "run " + builds[0]++, 5) // state outside the simulation: not deterministic
        .build();
    Outcome differs = run(leaky, "--check-determinism", "--seed", "3");
    assertEquals(1, differs.status(), differs.out());
    assertTrue(differs.out().contains("NOT deterministic: two runs of seed 3 differ"), differs.out());
    assertTrue(differs.out().contains("first difference at trace event 2:"), differs.out());
    assertTrue(differs.out().contains("first run:         5.000 ms  send         0 -> 1  #0  \"run 0\""), differs.out());
    assertTrue(differs.out().contains("second run:        5.000 ms  send         0 -> 1  #0  \"run 1\""), differs.out());
  }

  @Test
  void aFailingRunPrintsTheReportAndExitsOne() {
    Outcome outcome = run(seed -> SimulationBuilder.create()
        .node(0, TestNodes.Thrower::new).node(1, TestNodes.Sink::new).send(1, 0, "boom", 1).build());
    assertEquals(1, outcome.status());
    assertTrue(outcome.err().contains("simulation failed: node 0 (Thrower) threw"), outcome.err());
    assertTrue(outcome.lastLine().startsWith("seed: 42, events: "), outcome.lastLine());
  }

  @Test
  void hittingALimitExitsOneAndSaysWhich() {
    Outcome outcome = run(seed -> SimulationBuilder.create().node(0, TestNodes.Ticker::new).eventsMax(50).build(), "--quiet");
    assertEquals(1, outcome.status());
    assertTrue(outcome.err().contains("the run was cut short (event budget exhausted)"), outcome.err());
  }

  @Test
  void aBuildThatThrowsIsReported() {
    Outcome outcome = run(seed -> SimulationBuilder.create().ping(0).send(0, 9, "x", 1).build());
    assertEquals(1, outcome.status());
    assertTrue(outcome.err().contains("SimMain: build(42) threw java.lang.IllegalStateException: send 0 -> 9"), outcome.err());
  }

  @Test
  void badOptionsNameTheOptionPrintTheUsageAndExitTwo() {
    String[][] cases = {
      {"--seed"}, {"--seed", "abc"}, {"--seeds", "5..2"}, {"--seeds", "7"}, {"--until", "-3"},
      {"--format", "xml"}, {"--bogus"}, {"--seed", "1", "--seeds", "1..2"}, {"--quiet", "--quiet"},
      {"--seed", "1", "--seed", "2"}, {"--check-determinism", "--seeds", "1..2"},
      {"--until", "9223372036854775807"},
    };
    String[] expected = {
      "--seed needs a value: an integer", "--seed accepts an integer, got 'abc'",
      "--seeds accepts a range A..B with A <= B, got '5..2'", "--seeds accepts a range A..B of integers, got '7'",
      "--until accepts milliseconds, zero or more, got -3", "--format accepts text, jsonl or chrome, got 'xml'",
      "unknown option '--bogus'", "--seed and --seeds cannot be combined", "--quiet is given twice",
      "--seed is given twice", "--check-determinism runs one seed",
      "--until 9223372036854775807 is too large: virtual time is counted in microseconds, so the latest time is"
          + " 9223372036854775 ms",
    };
    for (int i = 0; i < cases.length; i++) {
      Outcome outcome = run(Scenarios::quickstart, cases[i]);
      assertEquals(2, outcome.status(), String.join(" ", cases[i]));
      assertTrue(outcome.err().startsWith("SimMain: " + expected[i]), outcome.err());
      assertTrue(outcome.err().contains("usage: SimMain [options]"), outcome.err());
    }
  }

  @Test
  void helpPrintsEveryOption() {
    Outcome outcome = run(Scenarios::quickstart, "--help");
    assertEquals(0, outcome.status());
    for (String option : new String[] {"--seed N", "--seeds A..B", "--until MS", "--trace FILE", "--format F",
        "--check-determinism", "--quiet", "--help"}) {
      assertTrue(outcome.out().contains(option), option);
    }
  }
}
