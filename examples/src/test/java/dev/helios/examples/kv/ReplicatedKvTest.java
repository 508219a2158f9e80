package dev.helios.examples.kv;

import static dev.helios.junit.HeliosAssertions.assertDeterministic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.examples.MainRun;
import dev.helios.junit.SimulationTest;
import dev.helios.runtime.RunResult;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.StopReason;
import dev.helios.runtime.explore.ExplorationResult;
import dev.helios.runtime.explore.ScenarioRun;
import dev.helios.runtime.fault.ScheduledFault;
import dev.helios.runtime.trace.DropReason;
import dev.helios.runtime.trace.TraceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replicated key-value example keeps its promises under every seed's faults. */
class ReplicatedKvTest {
  @SimulationTest(seeds = "0..99", simulation = ReplicatedKv.class)
  void everyPutIsConfirmedAndEveryBackupEndsWithThePrimarysLog(Simulation sim) {
    RunResult result = sim.run();
    assertEquals(StopReason.QUIESCENT, result.stopReason(), result.summary());
    Primary primary = sim.node(ReplicatedKv.PRIMARY, Primary.class);
    assertEquals(ReplicatedKv.PUTS, primary.log.size());
    assertEquals(ReplicatedKv.PUTS, sim.node(ReplicatedKv.CLIENT, Client.class).confirmedCount());
    for (int backup : new int[] {1, 2}) {
      List<Backup.Entry> log = sim.node(backup, Backup.class).log();
      assertEquals(ReplicatedKv.PUTS, log.size(), "backup " + backup);
      for (int i = 0; i < log.size(); i++) {
        assertEquals(primary.log.get(i).key(), log.get(i).key(), "backup " + backup + ", entry " + i);
        assertEquals(primary.log.get(i).value(), log.get(i).value(), "backup " + backup + ", entry " + i);
      }
    }
  }

  @SimulationTest(seeds = "0..4")
  void sameSeedSameTraceRunTwiceOrForked(long seed) {
    assertDeterministic(ReplicatedKv.class, seed);
  }

  @Test
  void theScenarioReallyInjectsItsFaults() {
    Simulation sim = ReplicatedKv.build(1);
    sim.run();
    long crashes = sim.trace().stream().filter(e -> e.kind() == TraceKind.FAULT && e.fault().name().equals("crash")).count();
    long partitioned = sim.trace().stream().filter(e -> e.dropReason() == DropReason.PARTITIONED).count();
    long lost = sim.trace().stream().filter(e -> e.dropReason() == DropReason.LOST).count();
    long toCrashed = sim.trace().stream().filter(e -> e.dropReason() == DropReason.RECEIVER_CRASHED).count();
    assertEquals(1, crashes);
    assertTrue(partitioned > 0 && lost > 0 && toCrashed > 0,
        "partitioned " + partitioned + ", lost " + lost + ", to a crashed node " + toCrashed + " (seed=1)");
  }

  @Test
  void aBackupThatLosesItsLogIsCaughtInAForkOnly() {
    // Fork just after backup 1 restarts and wipe its durable log in the fork only: the invariant
    // check must then fail there, while the original still satisfies it.
    Simulation original = ReplicatedKv.build(3);
    original.runUntilMicros(141_000);
    Simulation fork = original.fork();
    fork.node(1, Backup.class).log.clear();
    fork.run();
    original.run();
    assertEquals(ReplicatedKv.PUTS, original.node(1, Backup.class).log().size());
    List<Backup.Entry> damaged = fork.node(1, Backup.class).log();
    Primary primary = fork.node(ReplicatedKv.PRIMARY, Primary.class);
    boolean diverged = damaged.size() != primary.log.size();
    for (int i = 0; !diverged && i < damaged.size(); i++) {
      diverged = !damaged.get(i).key().equals(primary.log.get(i).key());
    }
    assertTrue(diverged, "the wiped backup should not hold the primary's log (seed=3)");
  }

  @Test
  void exploringTheFaultsItIsMeantToSurviveFindsNoViolation() {
    ExplorationResult result = ReplicatedKv.scenarios(ReplicatedKv.build(42)).quiet().explore();
    String summary = "seed=42\n" + result.summary();
    assertEquals(256, result.scenarioCount(), summary); // 8 choices
    assertEquals(0, result.violationCount(), summary);
    assertEquals(256, result.scenariosRunCount() + result.scenariosDedupedCount(), summary);
    // The restart of backup 2 applies only after its crash at 30 ms (half of the 128 scenarios that
    // take it), and its crash at 125 ms is skipped where it crashed at 30 ms and did not come back.
    assertEquals(List.of("restart 2 @ 80ms: skipped in 64 scenarios (the node was running)",
            "crash 2 @ 125ms: skipped in 32 scenarios (the node was already crashed)"),
        result.skippedChoices().stream().map(Object::toString).toList(), summary);
  }

  @Test
  void theChecksBiteWhenThePrimaryCrashesWhichThisDesignDoesNotSurvive() {
    // The primary keeps its log in memory: restarted at the heal (150 ms) it has none, and the
    // backups' logs are no longer prefixes of it.
    ScenarioRun run = ReplicatedKv.scenarios(ReplicatedKv.build(42))
        .runScenario(42, ScheduledFault.parseAll("crash 0 @ 100ms"));
    assertTrue(run.violation().isPresent(), "seed=42: the primary's crash must violate a check");
    assertEquals("every backup's log is a prefix of the primary's", run.violation().get().check(), run.violation().get().toString());
  }

  @Test
  void theGeneratedMainExploresWithoutAViolation() {
    MainRun run = MainRun.of("ReplicatedKvMain", ReplicatedKv::build, ReplicatedKv::scenarios, "--explore");
    assertEquals(0, run.status(), run.toString());
    assertTrue(run.out().startsWith("scenarios: 256 (") && run.out().contains("\nviolations: 0\n"), run.toString());
    assertTrue(run.out().contains("\nseed: 42, scenarios: 256, violations: 0, wall time: "), run.toString());
  }
}
