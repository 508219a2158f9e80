package dev.helios.runtime.check;

import dev.helios.runtime.RunResult;
import dev.helios.runtime.SimRandom;
import dev.helios.runtime.Simulation;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Runs the same seed twice, forks the second run part way, and compares the three traces: the
 * determinism check that also covers {@link Simulation#fork()}. The first run is the reference,
 * built and run in one go. The second is built again and stepped to a fork point chosen from a
 * fork seed; there it is forked, and then it and its fork each run on. A fork carries the trace so
 * far, so all three must record the same trace from event 0. Anything that leaks into a run from
 * outside the seed shows up as the two runs differing; state a fork cannot copy (kept in a static,
 * say, beside the node) as a difference after the fork point.
 *
 * <p>{@code run} is applied to a simulation that has already run part way (the second run and the
 * fork), so it must carry on from wherever the simulation is, as {@code Simulation::run} and
 * {@code sim -> sim.runUntilMs(t)} do; schedule faults in {@code build(seed)} rather than applying
 * them by hand in {@code run}.
 *
 * @param first the reference run, built and run in one go
 * @param second the second run: built again, forked after {@code forkEventCount} events, then run on
 * @param fork the fork, run on from the fork point; empty when no fork was made (a build failed, or
 *     the second run failed before the fork point)
 * @param forkEventCount the events the second run had processed when it was forked, or -1 when no
 *     fork was made
 * @param firstDifference where the traces first differ, in words, or empty when all three agree
 */
public record ForkedDeterminismCheck(
    SeedRun first, SeedRun second, Optional<SeedRun> fork, long forkEventCount, String firstDifference) {

  /** The purpose number of the fork point's random stream ("fork" in ASCII). */
  private static final long FORK_POINT_PURPOSE = 0x666f726bL;

  /**
   * Runs {@code seed} twice with {@code build} and {@code run}, forking the second run at the point
   * {@code forkSeed} chooses among the first run's events, and compares the three traces.
   */
  public static ForkedDeterminismCheck run(
      long seed, long forkSeed, LongFunction<Simulation> build, Function<Simulation, RunResult> run) {
    Simulation[] simulations = new Simulation[3];
    SeedRun first = SeedRun.of(seed, s -> simulations[0] = build.apply(s), run);
    if (first.outcome() == SeedRun.Outcome.BUILD_FAILED) {
      return new ForkedDeterminismCheck(first, first, Optional.empty(), -1, "run 1 could not be built: " + first.detail());
    }
    long forkPoint = forkPoint(forkSeed, first.eventCount());
    long[] forkEventCount = {-1};
    SeedRun second = SeedRun.of(seed, s -> simulations[1] = build.apply(s), sim -> {
      // Fewer events than the fork point means the runs differ already; fork where this one stops.
      while (sim.eventCount() < forkPoint && sim.step()) {
        // stepping to the fork point
      }
      simulations[2] = sim.fork();
      forkEventCount[0] = sim.eventCount();
      return run.apply(sim);
    });
    if (second.outcome() == SeedRun.Outcome.BUILD_FAILED) {
      return new ForkedDeterminismCheck(first, second, Optional.empty(), -1, "run 2 could not be built: " + second.detail());
    }
    Optional<SeedRun> fork = Optional.ofNullable(simulations[2]).map(forked -> SeedRun.of(seed, forked, run));
    String difference = difference(first, second, fork, forkEventCount[0], simulations);
    return new ForkedDeterminismCheck(first, second, fork, forkEventCount[0], difference);
  }

  /**
   * The fork point {@code forkSeed} chooses for a run of {@code eventCount} events: an event count
   * in {@code [0, eventCount)}, so the fork is made before the last event (a run that fails fails
   * at its last), or 0 for a run of no events. Drawn from the runtime's own pinned PRNG, so a fork
   * seed means the same point on every JVM.
   */
  static long forkPoint(long forkSeed, long eventCount) {
    return eventCount <= 0 ? 0 : SimRandom.derive(forkSeed, FORK_POINT_PURPOSE).nextLong(eventCount);
  }

  private static String difference(
      SeedRun first, SeedRun second, Optional<SeedRun> fork, long forkEventCount, Simulation[] simulations) {
    boolean forkDiffers = fork.isPresent() && fork.get().traceHash() != first.traceHash();
    if (second.traceHash() != first.traceHash()) {
      String made = forkEventCount < 0
          ? "the second run (which failed before its fork point)"
          : "the second run, forked after " + forkEventCount + " events and run on,";
      return made + " differs from the first: "
          + TraceDiff.firstDifference(simulations[0], "first run", simulations[1], "second run")
          + (forkDiffers ? "\n  (its fork differs from the first run too)" : "");
    }
    if (forkDiffers) {
      return "the fork made after " + forkEventCount + " events of the second run differs from the first run: "
          + TraceDiff.firstDifference(simulations[0], "first run", simulations[2], "fork");
    }
    return "";
  }

  /** True if both runs were built and all three traces agree. */
  public boolean deterministic() {
    return firstDifference.isEmpty();
  }
}
