package dev.helios.bench.explore;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;
import dev.helios.runtime.explore.ExplorationResult;
import dev.helios.runtime.explore.ScenarioBuilder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The explorer's speed: one whole exploration of a 5-node replicated counter under k = 12 fault
 * choices (2^12 = 4,096 scenarios, each to 200 ms), explored four ways. Divide
 * {@link #SCENARIO_COUNT} by the time per operation for scenarios per second.
 *
 * <p>The simulation: node 0 is the primary, 1 to 3 its backups, 4 a client sending an increment
 * every 2 ms until 150 ms (75 in all); the primary commits an increment once two backups hold it
 * and ticks every 5 ms (catch-up or heartbeat); 1 ms latency, 1 ms jitter, 1% loss; about 670
 * events per scenario. The 12 choices, one every 10 ms from 10 to 120 ms: a lossy link, crashes
 * and restarts of the primary and two backups, partitions (primary-backup, primary-client,
 * backup-backup) and heals. The end check asks that at least {@link #COMMITTED_MIN} of the 75
 * increments were committed: it fails in 932 of the 4,096 scenarios (each with the primary cut from
 * backup 2 at 30 ms while backup 1 is down or behind its lossy link) and holds in the others.
 *
 * <p>The setup explores the space all four ways once and fails unless they agree on the number of
 * scenarios and of violations, that number is neither 0 nor all of them, and dedup covered some
 * scenarios when on and none when off.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ExplorerBenchmark {
  /** Choice points. */
  public static final int CHOICE_COUNT = 12;
  /** Scenarios in one exploration: 2^{@link #CHOICE_COUNT}. */
  public static final long SCENARIO_COUNT = 1L << CHOICE_COUNT;
  /** Where every scenario stops, in ms. */
  static final long UNTIL_MS = 200;
  /** Increments the client sends. */
  static final int INCREMENTS = 75;
  /** The end check: at least this many increments committed (a fifth of them). */
  static final long COMMITTED_MIN = 15;

  static final int PRIMARY = 0;
  static final int CLIENT = 4;

  private Simulation simulation;

  /** The simulation every scenario starts from. */
  static Simulation simulation() {
    return SimulationBuilder.create()
        .seed(7)
        .recordTrace(false)
        .node(PRIMARY, () -> new CounterPrimary(CLIENT, 1, 2, 3))
        .node(1, CounterBackup::new)
        .node(2, CounterBackup::new)
        .node(3, CounterBackup::new)
        .node(CLIENT, () -> new CounterClient(PRIMARY, INCREMENTS))
        .latencyMs(1)
        .jitterMs(1)
        .lossRatio(0.01)
        .build();
  }

  /** The space: 12 choices and the end check; how to explore it is left to the caller. */
  static ScenarioBuilder space(Simulation sim) {
    return ScenarioBuilder.of(sim)
        .quiet()
        .maybeLinkLossRatio(PRIMARY, 1, 0.5, 10)
        .maybeCrash(1, 20)
        .maybePartition(PRIMARY, 2, 30)
        .maybeCrash(PRIMARY, 40)
        .maybePartition(PRIMARY, CLIENT, 50)
        .maybeRestart(1, 60)
        .maybeHeal(PRIMARY, 2, 70)
        .maybeRestart(PRIMARY, 80)
        .maybeCrash(3, 90)
        .maybeHeal(PRIMARY, CLIENT, 100)
        .maybePartition(2, 3, 110)
        .maybeRestart(3, 120)
        .check("committed", s -> s.node(CLIENT, CounterClient.class).committed() >= COMMITTED_MIN)
        .until(UNTIL_MS);
  }

  @Setup
  public void buildAndCheck() {
    simulation = simulation();
    ExplorationResult[] results = {prefixSharingWithDedup(), prefixSharingOnly(), fromScratch(), prefixSharingWithDedupOnTwoThreads()};
    long violations = results[0].violationCount();
    for (ExplorationResult result : results) {
      if (result.scenarioCount() != SCENARIO_COUNT || result.violationCount() != violations) {
        throw new IllegalStateException("the four explorations disagree: " + result.summary().lines().limit(2).toList()
            + " vs " + results[0].summary().lines().limit(2).toList());
      }
    }
    if (violations == 0 || violations == SCENARIO_COUNT) {
      throw new IllegalStateException("the end check should fail in some scenarios, not " + violations + " of " + SCENARIO_COUNT);
    }
    if (results[0].scenariosDedupedCount() == 0 || results[1].scenariosDedupedCount() != 0) {
      throw new IllegalStateException("dedup should cover scenarios with dedup on and none with it off");
    }
  }

  /** {@code explore()}: shared prefixes and dedup, the default. */
  @Benchmark
  public ExplorationResult prefixSharingWithDedup() {
    return space(simulation).explore();
  }

  /** {@code dedup(false).explore()}: shared prefixes only. */
  @Benchmark
  public ExplorationResult prefixSharingOnly() {
    return space(simulation).dedup(false).explore();
  }

  /** {@code exploreFromScratch()}: every scenario from the start, no forks, no dedup. */
  @Benchmark
  public ExplorationResult fromScratch() {
    return space(simulation).exploreFromScratch();
  }

  /** {@code parallelism(2).explore()}: shared prefixes and dedup on two threads. */
  @Benchmark
  public ExplorationResult prefixSharingWithDedupOnTwoThreads() {
    return space(simulation).parallelism(2).explore();
  }
}
