package dev.helios.examples.twopc;

import dev.helios.annotations.SimulationMain;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;
import dev.helios.runtime.explore.ScenarioBuilder;
import java.util.List;

/**
 * Two-phase commit and its blocking problem: node 0 coordinates {@link #TRANSACTIONS}
 * transactions, one every 50 ms from 10 ms, among participants 1, 2 and 3 on a lossless network
 * (2 ms latency, up to 1 ms jitter), so a transaction's prepare, votes and decision take under
 * 10 ms. Its scenarios crash the coordinator and the participants at chosen times and check that
 * no transaction commits at one participant and aborts at another, and that after the faults end
 * every participant that voted Yes learns the outcome.
 *
 * <p>{@code TwoPhaseCommitMain --explore --shrink} finds the flaw the {@link Coordinator}
 * documents: a coordinator that crashes inside a voting window forgets the transaction, and its
 * prepared participants stay blocked. Each violation shrinks to that one crash; crashes of
 * participants alone never violate anything, since they recover from their durable log.
 */
@SimulationMain
public final class TwoPhaseCommit {
  static final int COORDINATOR = 0;
  static final List<Integer> PARTICIPANTS = List.of(1, 2, 3);
  static final int TRANSACTIONS = 6;
  /** A prepared participant that has not learned the outcome this long after the faults end is blocked. */
  static final long LEARN_WITHIN_MS = 100;
  /** Where each scenario stops: long enough for a restarted coordinator to run its remaining transactions. */
  static final long UNTIL_MS = 500;

  private TwoPhaseCommit() {}

  /** The transactions for {@code seed}, which decides the jitter and the participants' No votes. */
  public static Simulation build(long seed) {
    SimulationBuilder builder = SimulationBuilder.create()
        .node(COORDINATOR, () -> new Coordinator(TRANSACTIONS, PARTICIPANTS));
    for (int participant : PARTICIPANTS) {
      builder.node(participant, () -> new Participant(COORDINATOR));
    }
    return builder
        .latencyMs(2)
        .jitterMs(1)
        .seed(seed)
        .horizonMs(1_000) // blocked participants ask forever; the horizon ends such a run
        .build();
  }

  /**
   * Crashes of the coordinator inside a voting window (at 62 and 163 ms its Prepares are out and it
   * has no decision yet) and between transactions (40 and 90 ms); crashes of participants 1 and 2
   * while a Prepare is on its way to them (61 and 111 ms), of participant 3 after it voted in
   * transaction 3 and before the decision reaches it (165 ms), and of participant 1 between
   * transactions (190 ms). At 190 ms, the last choice, every crashed node restarts.
   */
  public static ScenarioBuilder scenarios(Simulation sim) {
    return ScenarioBuilder.of(sim)
        .maybeCrash(COORDINATOR, 40)
        .maybeCrash(1, 61)
        .maybeCrash(COORDINATOR, 62)
        .maybeCrash(COORDINATOR, 90)
        .maybeCrash(2, 111)
        .maybeCrash(COORDINATOR, 163)
        .maybeCrash(3, 165)
        .maybeCrash(1, 190)
        .always("atomicity", TwoPhaseCommit::atomic)
        .eventually("prepared participants learn the outcome", TwoPhaseCommit::noneBlocked, LEARN_WITHIN_MS)
        .until(UNTIL_MS);
  }

  /** No transaction committed at one participant and aborted at another. */
  static boolean atomic(Simulation sim) {
    for (long txn = 0; txn < TRANSACTIONS; txn++) {
      Outcome seen = null;
      for (int participant : PARTICIPANTS) {
        Outcome outcome = sim.node(participant, Participant.class).outcome(txn);
        if (outcome != null && seen != null && outcome != seen) {
          return false;
        }
        seen = outcome != null ? outcome : seen;
      }
    }
    return true;
  }

  /** Every participant that voted Yes knows how that transaction ended. */
  static boolean noneBlocked(Simulation sim) {
    for (int participant : PARTICIPANTS) {
      if (sim.node(participant, Participant.class).blocked()) {
        return false;
      }
    }
    return true;
  }
}
