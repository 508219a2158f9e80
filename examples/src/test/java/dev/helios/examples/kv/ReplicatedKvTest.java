package dev.helios.examples.kv;

import static dev.helios.junit.HeliosAssertions.assertDeterministic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.junit.SimulationTest;
import dev.helios.runtime.RunResult;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.StopReason;
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
}
