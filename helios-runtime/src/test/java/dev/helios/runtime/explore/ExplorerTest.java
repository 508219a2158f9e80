package dev.helios.runtime.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationFailedException;
import dev.helios.runtime.SimulationBuilder;
import dev.helios.runtime.fault.Fault;
import dev.helios.runtime.fault.ScheduledFault;
import dev.helios.runtime.nodes.Ping;
import dev.helios.runtime.trace.TraceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each kind of check sees, what a violation holds, replay and shrink. */
class ExplorerTest {
  /** The seed's quick start, where ping node 0 greets echo nodes 1 and 2 at 100 ms. */
  static Simulation quickstart() {
    return SimulationBuilder.create()
        .ping(0)
        .echo(1)
        .echo(2)
        .lossyNetwork(10, 2, 0.1, 42)
        .send(0, 1, "Hello", 100)
        .send(0, 2, "Hello", 100)
        .build();
  }

  static long replies(Simulation sim) {
    return sim.node(0, Ping.class).repliesReceived();
  }

  @Test
  void theSeedsSnippetFindsTheScenariosWithoutBothReplies() {
    Simulation sim = quickstart();
    sim.run(); // explored from its start, so running it first changes nothing
    ExplorationResult result = ScenarioBuilder.of(sim).quiet()
        .maybeCrash(1, 50)
        .maybePartition(0, 2, 20)
        .check("both replies", s -> replies(s) == 2)
        .explore();
    assertEquals(4, result.scenarioCount());
    assertEquals(3, result.violationCount(), result.summary());
    // Bit by bit, earliest choice first: index 1 takes only the crash, 2 only the partition.
    assertEquals(List.of("crash 1 @ 50ms", "partition 0-2 @ 20ms", "partition 0-2 @ 20ms; crash 1 @ 50ms"),
        result.violations().stream().map(Violation::faultText).toList());
    assertEquals(List.of(1L, 2L, 3L), result.violations().stream().map(Violation::scenarioIndex).toList());
  }

  @Test
  void aProgressListenerIsToldOfEveryScenarioAndEveryViolationAndChangesNothing() {
    long[] told = new long[2];
    ScenarioBuilder space = ScenarioBuilder.of(quickstart())
        .maybeCrash(1, 50)
        .maybePartition(0, 2, 20)
        .maybeCrash(2, 60)
        .check("both replies", s -> replies(s) == 2);
    ExplorationResult watched = space.progress((scenarios, violations) -> {
      told[0] += scenarios;
      told[1] += violations;
    }).explore();
    assertEquals(watched.scenarioCount(), told[0]);
    assertEquals(watched.violationCount(), told[1]);
    assertEquals(7, told[1], watched.summary());
    ExplorationResult quiet = ScenarioBuilder.of(quickstart()).quiet()
        .maybeCrash(1, 50).maybePartition(0, 2, 20).maybeCrash(2, 60)
        .check("both replies", s -> replies(s) == 2)
        .explore();
    assertEquals(quiet.violations(), watched.violations());

    IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> ScenarioBuilder.of(quickstart()).progress(null));
    assertEquals("progress needs a listener, got null; use quiet() for none", none.getMessage());
    IllegalStateException twice = assertThrows(IllegalStateException.class,
        () -> ScenarioBuilder.of(quickstart()).progress(Progress.NONE).progress(Progress.NONE));
    assertEquals("progress already has a listener; set it once", twice.getMessage());
  }

  @Test
  void aScheduledFaultThatAChoiceMadeImpossibleIsAViolationNotACrashOfTheExploration() {
    Simulation sim = SimulationBuilder.create().ping(0).echo(1).echo(2)
        .latencyMs(5)
        .send(0, 1, "a", 10)
        .crash(1, 60)
        .restart(1, 80)
        .build();
    ExplorationResult result = ScenarioBuilder.of(sim).quiet()
        .maybeCrash(1, 30)
        .check("a reply", s -> replies(s) >= 1)
        .explore();
    assertEquals(1, result.violationCount(), result.summary());
    Violation violation = result.violations().get(0);
    assertEquals("scheduled fault", violation.check());
    assertEquals("simulation failed: a scheduled fault cannot apply: cannot crash node 1 at 60.000 ms: it is already"
        + " crashed; restart it first", violation.message());
    assertEquals("crash 1 @ 30ms", violation.faultText());
    assertEquals(60_000, violation.timeMicros());
    assertEquals(violation.traceHash(), violation.replay().traceHash());

    IllegalArgumentException reserved = assertThrows(IllegalArgumentException.class,
        () -> ScenarioBuilder.of(sim).check("scheduled fault", s -> true));
    assertEquals("\"scheduled fault\" names a scheduled fault that cannot apply in reports; give the check another name",
        reserved.getMessage());
  }

  @Test
  void aScheduledFaultThatCannotApplyFailsAPlainRunWithAReport() {
    Simulation sim = SimulationBuilder.create().ping(0).echo(1).restart(1, 20).build();
    SimulationFailedException failure = assertThrows(SimulationFailedException.class, sim::run);
    assertEquals(new Fault.Restart(1), failure.fault());
    assertEquals(1, failure.node());
    assertEquals(20_000, failure.timeMicros());
    assertTrue(failure.getMessage().startsWith("simulation failed: a scheduled fault cannot apply: cannot restart node 1 at"
        + " 20.000 ms: it is running; crash it first\n  event: fault restart 1\n  time: 20.000 ms"), failure.getMessage());
  }

  @Test
  void aViolationReplaysWithItsTraceToTheSameHash() {
    ExplorationResult result = ScenarioBuilder.of(Beacons.of(4, 3)).quiet()
        .maybeIsolate(2, 20)
        .maybeCrash(1, 35)
        .maybeLinkLossRatio(0, 3, 0.9, 10)
        .check("all heard within 12 ms", s -> Beacons.allHeardWithin(s, 12))
        .until(90)
        .explore();
    assertTrue(result.violationCount() > 0, result.summary());
    for (Violation violation : result.violations()) {
      Simulation replay = violation.replay();
      assertTrue(replay.isRecording());
      assertEquals(violation.traceHash(), replay.traceHash(), violation.toString());
      assertEquals(violation.timeMicros(), replay.nowMicros(), violation.toString());
      assertEquals(violation.faults().size(),
          replay.trace().stream().filter(event -> event.kind() == TraceKind.FAULT).count(), violation.toString());
    }
  }

  @Test
  void alwaysChecksAfterEveryEventAndStopsTheScenarioThere() {
    ExplorationResult result = ScenarioBuilder.of(Beacons.of(3, 5)).quiet()
        .maybeCrash(1, 20)
        .maybeRestart(1, 40)
        .always("node 1 never restarts", s -> Beacons.node(s, 1).incarnation <= 1)
        .until(100)
        .explore();
    assertEquals(1, result.violationCount(), result.summary());
    Violation violation = result.violations().get(0);
    assertEquals("crash 1 @ 20ms; restart 1 @ 40ms", violation.faultText());
    assertEquals(40_000, violation.timeMicros(), "the restart's start handler is the event that breaks it");
    assertEquals("returned false after \"restart 1\" at 40.000 ms", violation.message());
    assertEquals(1, result.skippedChoices().size(), result.summary());
  }

  @Test
  void eventuallyHealsEverythingAtTheLastChoiceAndGivesTheBoundedTime() {
    Simulation sim = Beacons.of(3, 9);
    ScenarioBuilder space = ScenarioBuilder.of(sim).quiet()
        .maybeIsolate(0, 10)
        .maybeCrash(2, 30)
        .maybeLinkLatency(1, 0, 500, 0, 30)
        .eventually("everyone hears again", s -> Beacons.allHeardWithin(s, 15), 40)
        .until(120);
    ExplorationResult result = space.explore();
    assertEquals(0, result.violationCount(), "the heal at 30 ms undoes every fault: " + result.summary());
    ScenarioRun run = space.runScenario(9, List.of(ScheduledFault.parse("isolate 0 @ 10ms"), ScheduledFault.parse("crash 2 @ 30ms")));
    assertTrue(run.violation().isEmpty());
    List<String> faults = run.simulation().trace().stream()
        .filter(event -> event.kind() == TraceKind.FAULT).map(event -> event.fault() + " @ " + event.timeMicros() / 1000).toList();
    assertEquals(List.of("isolate 0 @ 10", "crash 2 @ 30", "restart 2 @ 30", "heal-all @ 30", "latency 1->0 2ms jitter 1ms @ 30",
        "loss 1->0 0.0 @ 30", "duplication 1->0 0.0 @ 30"), faults);

    ExplorationResult tooShort = ScenarioBuilder.of(sim).quiet()
        .maybeCrash(2, 30)
        .eventually("node 2 on its first life", s -> Beacons.node(s, 2).incarnation == 1, 1)
        .until(100)
        .explore();
    assertEquals(1, tooShort.violationCount(), tooShort.summary());
    Violation violation = tooShort.violations().get(0);
    assertEquals(31_000, violation.timeMicros());
    assertTrue(violation.message().startsWith("did not hold within 1.000 ms of the heal at 30.000 ms"), violation.message());
  }

  @Test
  void aCheckThatThrowsAndANodeThatFailsAreViolations() {
    ExplorationResult throwing = ScenarioBuilder.of(Beacons.of(2, 1)).quiet()
        .maybeCrash(1, 10)
        .check("throws when node 1 is down", s -> {
          if (s.isCrashed(1)) {
            throw new IllegalStateException("node 1 is down");
          }
          return true;
        })
        .until(30)
        .explore();
    assertEquals(1, throwing.violationCount());
    assertEquals("threw java.lang.IllegalStateException: node 1 is down at the end, 30.000 ms", throwing.violations().get(0).message());

    Simulation failing = SimulationBuilder.create().node(0, Fragile::new).echo(1).send(1, 0, "boom", 5).build();
    ExplorationResult failed = ScenarioBuilder.of(failing).quiet()
        .maybeCrash(0, 1)
        .check("anything", s -> true)
        .explore();
    assertEquals(1, failed.violationCount(), "node 0 fails unless it crashed first: " + failed.summary());
    Violation failure = failed.violations().get(0);
    assertEquals("node failure", failure.check());
    assertTrue(failure.message().contains("boom"), failure.message());
    assertEquals(failure.traceHash(), failure.replay().traceHash());
  }

  @Test
  void shrinkKeepsTheFewestFaultsThatStillFailAsLateAsTheyStillFail() {
    ScenarioBuilder space = ScenarioBuilder.of(Beacons.of(3, 4)).quiet()
        .maybeLinkLatency(0, 1, 1, 0, 5)
        .maybePartition(0, 2, 10)
        .maybeCrash(1, 15)
        .maybeLinkLossRatio(2, 0, 0.2, 20)
        .maybeHeal(0, 2, 25)
        .check("node 1 runs", s -> !s.isCrashed(1))
        .until(60);
    ExplorationResult result = space.explore();
    assertEquals(16, result.violationCount(), result.summary());
    Violation everything = result.violations().get(result.violations().size() - 1);
    assertEquals(5, everything.faults().size(), everything.toString());
    Violation shrunk = everything.shrink();
    assertEquals("node 1 runs", shrunk.check());
    assertEquals(List.of(new ScheduledFault(new Fault.Crash(1), 60_000)), shrunk.faults(), shrunk.toString());
    assertEquals(60_000, shrunk.untilMicros(), "the bound cannot end before the crash");
    assertEquals(shrunk.traceHash(), shrunk.replay().traceHash());
    assertEquals("--seed 4 --faults \"crash 1 @ 60ms\"", shrunk.replayArguments());
    assertEquals("sim=Beacons&seed=4&faults=crash%201%20%40%2060ms&run", shrunk.viewQuery("Beacons", 4));
    assertEquals("sim=a.B&seed=3&run-seed=4&faults=crash%201%20%40%2060ms&run", shrunk.viewQuery("a.B", 3));
  }

  @Test
  void shrinkFindsTheEarliestBound() {
    ScenarioBuilder space = ScenarioBuilder.of(Beacons.of(3, 4)).quiet()
        .maybeCrash(1, 15)
        .maybeIsolate(2, 20)
        .check("node 0 heard within 12 ms", s -> Beacons.node(s, 0).lastBeatMicros >= s.nowMicros() - 12_000)
        .until(200);
    ExplorationResult result = space.explore();
    Violation both = result.violations().get(result.violations().size() - 1);
    assertEquals(2, both.faults().size(), result.summary());
    Violation shrunk = both.shrink();
    assertEquals(2, shrunk.faults().size(), "node 0 hears from 1 or 2 unless both are gone: " + shrunk);
    assertTrue(shrunk.untilMicros() < 200_000, shrunk.toString());
    assertTrue(shrunk.replayArguments().contains(" --until " + shrunk.untilMicros() / 1000), shrunk.replayArguments());
    assertTrue(shrunk.viewQuery("S", 4).endsWith("&until=" + shrunk.untilMicros() / 1000 + "&run"), shrunk.viewQuery("S", 4));
    assertEquals("node 0 heard within 12 ms", shrunk.check());
  }

  @Test
  void violationsBeyondTheCapAreCountedNotKept() {
    ExplorationResult result = ScenarioBuilder.of(Beacons.of(3, 4)).quiet()
        .maybeCrash(0, 5).maybeCrash(1, 6).maybeCrash(2, 7).maybePartition(0, 1, 8)
        .check("never", s -> false)
        .violationsKept(3)
        .until(20)
        .explore();
    assertEquals(16, result.violationCount());
    assertEquals(3, result.violations().size());
    assertEquals(List.of(0L, 1L, 2L), result.violations().stream().map(Violation::scenarioIndex).toList());
    assertTrue(result.summary().contains("violations: 16 (the first 3 kept; the cap is 3)"), result.summary());
  }

  @Test
  void faultsAppliedByHandArePartOfEveryScenario() {
    Simulation sim = Beacons.of(3, 2);
    sim.runUntilMs(25);
    sim.crash(2);
    ExplorationResult result = ScenarioBuilder.of(sim).quiet()
        .maybeRestart(2, 40)
        .check("node 2 runs", s -> !s.isCrashed(2))
        .until(60)
        .explore();
    assertEquals(1, result.violationCount(), result.summary());
    assertEquals("", result.violations().get(0).faultText());
    assertEquals(List.of(new ScheduledFault(new Fault.Crash(2), 25_000)), sim.faultsApplied());
  }

  @Test
  void badInputSaysWhichValueAndWhichRule() {
    Simulation sim = Beacons.of(3, 1);
    assertMessage("choice \"crash 7 @ 5ms\" names node 7, which does not exist; the nodes are [0, 1, 2]",
        () -> ScenarioBuilder.of(sim).maybeCrash(7, 5));
    assertMessage("the time of \"crash 1\" must be zero or more, got -5 ms", () -> ScenarioBuilder.of(sim).maybeCrash(1, -5));
    assertThrows(IllegalArgumentException.class, () -> ScenarioBuilder.of(sim).maybePartition(1, 1, 5));
    assertMessage("no checks: add check(...), always(...) or eventually(...) so a scenario can fail",
        () -> ScenarioBuilder.of(sim).maybeCrash(1, 5).explore());
    assertMessage("until must be zero or more, got -1 ms", () -> ScenarioBuilder.of(sim).until(-1));
    assertMessage("eventually \"x\": within must be zero or more, got -3 ms",
        () -> ScenarioBuilder.of(sim).eventually("x", s -> true, -3));
    assertMessage("until 10 ms is before the last choice, \"crash 1 @ 20ms\"; bound the scenarios after every choice",
        () -> ScenarioBuilder.of(sim).maybeCrash(1, 20).check("c", s -> true).until(10).explore());
    assertMessage("until 40 ms ends before the liveness window, which runs to 50 ms (the heal at the last choice plus the longest eventually bound)",
        () -> ScenarioBuilder.of(sim).maybeCrash(1, 20).eventually("e", s -> true, 30).until(40).explore());
    assertMessage("a check named \"c\" exists already; give each check its own name",
        () -> ScenarioBuilder.of(sim).check("c", s -> true).always("c", s -> true));
    assertMessage("choice \"crash 1 @ 5ms\" is given twice; give each choice once",
        () -> ScenarioBuilder.of(sim).maybeCrash(1, 5).maybe("crash 1 @ 5ms"));
    assertMessage("parallelism must be 1 to 1024 threads, got 0", () -> ScenarioBuilder.of(sim).parallelism(0));
    assertMessage("shard 2/2 does not exist: give a count of 1 or more and an index from 0 to count - 1",
        () -> ScenarioBuilder.of(sim).shard(2, 2));
    assertMessage("seed 3 is given twice; give each seed once", () -> ScenarioBuilder.of(sim).seeds(3, 4, 3));
    assertMessage("until is already 10 ms; set it once", () -> ScenarioBuilder.of(sim).until(10).until(20));
  }

  @Test
  void resultsOfAnotherSpaceAreRefused() {
    Simulation sim = Beacons.of(3, 1);
    ExplorationResult one = ScenarioBuilder.of(sim).quiet().maybeCrash(1, 5).check("c", s -> true).until(20).explore();
    ScenarioBuilder other = ScenarioBuilder.of(sim).quiet().maybeCrash(2, 5).check("c", s -> true).until(20);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.readResult(one.toText()));
    assertTrue(e.getMessage().startsWith("these results come from another exploration"), e.getMessage());
    assertMessage("exploration results, line 1: expected \"helios-exploration 1\": this is not a Helios exploration result",
        () -> other.readResult("hello"));
    ScenarioBuilder same = ScenarioBuilder.of(sim).quiet().maybeCrash(1, 5).check("c", s -> false).until(20);
    String good = same.explore().toText();
    assertMessage("exploration results, line 7: expected 6 values after \"violation\", found 2",
        () -> same.readResult(good.replaceFirst("violation [^\n]*", "violation 1 0")));
    assertMessage("exploration results, line 5: \"x\" is not a whole number",
        () -> same.readResult(good.replaceFirst("violations \\d+", "violations x")));
    assertMessage("exploration results, line 7: the results end early; the file is cut short",
        () -> same.readResult(good.substring(0, good.indexOf("violation "))));
    ExplorationResult shard = ScenarioBuilder.of(sim).quiet().maybeCrash(1, 5).check("c", s -> true).until(20).shard(0, 2).explore();
    assertMessage("shard 1/2 is missing; merge every shard's result", () -> ExplorationResult.merge(List.of(shard)));
    assertMessage("shard 0/2 is given twice; give each shard once", () -> ExplorationResult.merge(List.of(shard, shard)));
    assertNotEquals(one.toText(), shard.toText());
    assertFalse(one.toText().isEmpty());
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
    RuntimeException e = assertThrows(RuntimeException.class, call);
    assertEquals(expected, e.getMessage());
  }
}
