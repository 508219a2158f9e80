package dev.helios.runtime.check;

import dev.helios.runtime.RunResult;
import dev.helios.runtime.Simulation;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Builds and runs the same seed twice and compares the traces: the check behind the generated
 * main's {@code --check-determinism}, usable as plain code from tests and tools. Anything that leaks
 * into a run from outside the seed (the wall clock, hash order, a shared static) shows up as a
 * difference, and the first differing event names where. {@link ForkedDeterminismCheck} also forks
 * the second run part way, which catches state a fork cannot copy.
 *
 * @param first the first run
 * @param second the second run
 * @param firstDifference where the traces first differ, in words, or empty when they agree
 */
public record DeterminismCheck(SeedRun first, SeedRun second, String firstDifference) {

  /** Runs {@code seed} twice with {@code build} and {@code run} and compares. */
  public static DeterminismCheck run(long seed, LongFunction<Simulation> build, Function<Simulation, RunResult> run) {
    Simulation[] simulations = new Simulation[2];
    SeedRun[] runs = new SeedRun[2];
    for (int i = 0; i < 2; i++) {
      int index = i;
      runs[i] = SeedRun.of(seed, s -> simulations[index] = build.apply(s), run);
      if (runs[i].outcome() == SeedRun.Outcome.BUILD_FAILED) {
        return new DeterminismCheck(runs[0], runs[i], "run " + (i + 1) + " could not be built: " + runs[i].detail());
      }
    }
    if (runs[0].traceHash() == runs[1].traceHash()) {
      return new DeterminismCheck(runs[0], runs[1], "");
    }
    return new DeterminismCheck(
        runs[0], runs[1], TraceDiff.firstDifference(simulations[0], "first run", simulations[1], "second run"));
  }

  /** True if both runs were built and recorded the same trace. */
  public boolean deterministic() {
    return firstDifference.isEmpty();
  }
}
