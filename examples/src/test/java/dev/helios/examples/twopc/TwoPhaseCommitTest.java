package dev.helios.examples.twopc;

import static dev.helios.junit.HeliosAssertions.assertDeterministic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.examples.MainRun;
import dev.helios.junit.SimulationTest;
import dev.helios.runtime.RunResult;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.StopReason;
import dev.helios.runtime.explore.ExplorationResult;
import dev.helios.runtime.explore.ScenarioRun;
import dev.helios.runtime.explore.Violation;
import dev.helios.runtime.fault.Fault;
import dev.helios.runtime.fault.ScheduledFault;
import dev.helios.runtime.trace.DropReason;
import dev.helios.runtime.trace.TraceFormats;
import dev.helios.runtime.trace.TraceKind;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The two-phase commit example: it commits atomically, and its explorer finds the textbook
 * blocking problem, only where the coordinator crashes, and shrinks it to that one crash.
 */
class TwoPhaseCommitTest {
  /** The seed the generated main explores when given none. */
  static final long SEED = 42;
  static final String LIVENESS = "prepared participants learn the outcome";

  @SimulationTest(seeds = "0..19", simulation = TwoPhaseCommit.class)
  void withoutFaultsEveryTransactionIsDecidedAndEveryParticipantAgrees(Simulation sim) {
    String seed = "seed=" + sim.seed();
    RunResult result = sim.run();
    assertEquals(StopReason.QUIESCENT, result.stopReason(), seed + ": " + result.summary());
    Coordinator coordinator = sim.node(TwoPhaseCommit.COORDINATOR, Coordinator.class);
    assertEquals(TwoPhaseCommit.TRANSACTIONS, coordinator.nextTxn, seed);
    for (long txn = 0; txn < TwoPhaseCommit.TRANSACTIONS; txn++) {
      Outcome decision = coordinator.decision(txn);
      assertNotNull(decision, seed + ": txn " + txn + " was decided");
      for (int id : TwoPhaseCommit.PARTICIPANTS) {
        Participant participant = sim.node(id, Participant.class);
        assertEquals(decision, participant.outcome(txn), seed + ": participant " + id + ", txn " + txn);
        assertFalse(participant.blocked(), seed + ": participant " + id + " is not left prepared");
      }
    }
    assertEquals(TwoPhaseCommit.TRANSACTIONS * TwoPhaseCommit.PARTICIPANTS.size(), coordinator.acks,
        seed + ": every participant acknowledged every decision");
  }

  @SimulationTest(seeds = "0..19")
  void sameSeedSameTraceRunTwiceOrForked(long seed) {
    assertDeterministic(TwoPhaseCommit.class, seed);
  }

  @Test
  void exploringFindsTheBlockingProblemOnlyWhereTheCoordinatorCrashesInAVotingWindow() {
    ExplorationResult result = explore();
    String summary = "seed=" + SEED + "\n" + result.summary();
    assertEquals(256, result.scenarioCount(), summary);
    // A scenario fails iff the first coordinator crash it takes is at 62 or 163 ms (inside a voting
    // window; a later crash of the crashed coordinator is skipped): 4 + 1 of the 16 ways to pick
    // coordinator crashes, times the 16 ways to pick participant crashes.
    assertEquals(80, result.violationCount(), summary);
    assertEquals(80, result.violations().size(), summary);
    for (Violation violation : result.violations()) {
      assertEquals(LIVENESS, violation.check(), violation.toString());
      List<ScheduledFault> coordinatorCrashes = coordinatorCrashes(violation.faults());
      // No violation without a coordinator crash: every scenario that crashes only participants passes.
      assertEquals(1, coordinatorCrashes.size(), violation.toString());
      long atMs = coordinatorCrashes.get(0).atMicros() / 1000;
      assertTrue(atMs == 62 || atMs == 163, "the coordinator crashed inside a voting window: " + violation);
    }
  }

  @Test
  void theFirstViolationShrinksToOneCoordinatorCrashAndReplaysToItsTraceHash() {
    ExplorationResult result = explore();
    Violation first = result.violations().get(0);
    assertEquals(first.traceHash(), first.replay().traceHash(), "seed=" + SEED + ": " + first);
    Violation shrunk = first.shrink();
    assertShrunkToOneCoordinatorCrash(shrunk);
    Simulation replay = shrunk.replay();
    assertEquals(shrunk.traceHash(), replay.traceHash(), "seed=" + SEED + ": " + shrunk);
    assertTrue(replay.node(1, Participant.class).blocked() || replay.node(2, Participant.class).blocked()
        || replay.node(3, Participant.class).blocked(), "seed=" + SEED + ": a participant is still blocked at the violation");

    // The violation with the most faults (the last) shrinks to one coordinator crash as well.
    Violation last = result.violations().get(result.violations().size() - 1);
    assertTrue(last.faults().size() >= 4, last.toString());
    assertShrunkToOneCoordinatorCrash(last.shrink());
  }

  @Test
  void aParticipantThatCrashesWhilePreparedLearnsTheOutcomeByAsking() {
    // Participant 3 votes Yes on transaction 3 (sent at 160 ms) and crashes at 165 ms, before the
    // decision reaches it; it restarts prepared at 190 ms and asks the coordinator.
    ScenarioRun run = TwoPhaseCommit.scenarios(TwoPhaseCommit.build(SEED))
        .runScenario(SEED, ScheduledFault.parseAll("crash 3 @ 165ms"));
    Simulation sim = run.simulation();
    String trace = "seed=" + SEED + "\n" + TraceFormats.text(sim.trace());
    assertTrue(run.violation().isEmpty(), run.violation() + "\n" + trace);
    assertTrue(sim.trace().stream().anyMatch(e -> e.kind() == TraceKind.DROP && e.to() == 3
        && e.dropReason() == DropReason.RECEIVER_CRASHED && e.payload().startsWith("Decision[txn=3")), trace);
    assertTrue(sim.trace().stream().anyMatch(e -> e.kind() == TraceKind.DELIVER && e.from() == 3 && e.to() == 0
        && e.payload().equals("DecisionQuery[txn=3]") && e.timeMicros() > 190_000), trace);
    assertEquals(Outcome.COMMIT, sim.node(3, Participant.class).outcome(3), trace);
    assertEquals(sim.node(1, Participant.class).outcome(3), sim.node(3, Participant.class).outcome(3), trace);
  }

  @Test
  void theGeneratedMainExploresShrinksAndPrintsAReplayLineThatFailsAgain() {
    Violation first = explore().violations().get(0);
    Violation shrunk = first.shrink();

    MainRun explore = cli("--explore", "--shrink");
    assertEquals(1, explore.status(), explore.toString());
    assertTrue(explore.out().startsWith("scenarios: 256 (60 run, 196 deduplicated)\nviolations: 80\n"), explore.toString());
    assertTrue(explore.out().contains("\n  1: TwoPhaseCommitMain " + first.replayArguments() + "\n"), explore.toString());
    assertTrue(Pattern.compile("\n {5}shrunk: " + Pattern.quote(LIVENESS + ": did not hold within 100.000 ms of the heal at 190.000 ms")
        + " \\(seed 42, faults: crash 0 @ \\d+ms\\)\n").matcher(explore.out()).find(), explore.toString());
    assertTrue(explore.out().contains("\n     shrunk: " + shrunk + "\n"), explore.toString());
    assertTrue(explore.out().contains("\n     TwoPhaseCommitMain " + shrunk.replayArguments() + "\n"), explore.toString());
    assertTrue(Pattern.compile("\nseed: 42, scenarios: 256, violations: 80, wall time: \\d+ ms\n$").matcher(explore.out()).find(),
        explore.toString());

    // The shrunk replay line, split as a shell would, fails the same check and ends with its trace hash.
    MainRun replay = cli(MainRun.shellWords(shrunk.replayArguments()));
    assertEquals(1, replay.status(), replay.toString());
    assertTrue(replay.out().contains("\nviolation: " + shrunk + "\n"), replay.toString());
    assertTrue(replay.out().endsWith("trace hash: " + TraceFormats.hex(shrunk.traceHash()) + "\n"), replay.toString());
  }

  private static ExplorationResult explore() {
    return TwoPhaseCommit.scenarios(TwoPhaseCommit.build(SEED)).quiet().explore();
  }

  private static List<ScheduledFault> coordinatorCrashes(List<ScheduledFault> faults) {
    return faults.stream().filter(f -> f.fault().equals(new Fault.Crash(TwoPhaseCommit.COORDINATOR))).toList();
  }

  private static void assertShrunkToOneCoordinatorCrash(Violation shrunk) {
    assertEquals(LIVENESS, shrunk.check(), shrunk.toString());
    assertEquals(1, shrunk.faults().size(), "seed=" + SEED + ": " + shrunk);
    assertEquals(new Fault.Crash(TwoPhaseCommit.COORDINATOR), shrunk.faults().get(0).fault(), shrunk.toString());
    assertTrue(shrunk.faultText().matches("crash 0 @ \\d+ms"), shrunk.faultText());
  }

  private static MainRun cli(String... args) {
    return MainRun.of("TwoPhaseCommitMain", TwoPhaseCommit::build, TwoPhaseCommit::scenarios, args);
  }
}
