package dev.helios.junit;

import dev.helios.runtime.RunResult;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationSource;
import dev.helios.runtime.check.ForkedDeterminismCheck;
import dev.helios.runtime.check.SeedRun;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Assertions;

/**
 * Assertions about simulations, for JUnit tests.
 *
 * <pre>{@code
 * @SimulationTest(seeds = "0..9")
 * void sameSeedSameTraceEvenForked(long seed) {
 *   assertDeterministic(ReplicatedKv.class, seed);
 * }
 * }</pre>
 */
public final class HeliosAssertions {
  private HeliosAssertions() {}

  /**
   * Asserts that {@code build(seed)}, run to the end, is deterministic, forked or not: see {@link
   * #assertDeterministic(LongFunction, Function, long)}.
   */
  public static void assertDeterministic(LongFunction<Simulation> build, long seed) {
    assertDeterministic(build, Simulation::run, seed);
  }

  /**
   * Asserts that {@code build(seed)} run with {@code run} is deterministic, forked or not. It runs
   * the seed once (the reference), then again, forking the second run part way; the second run and
   * its fork then each run on, and all three traces must be equal. The fork point is chosen from
   * the seed among the reference's events, so a failure replays; the message names the seed, the
   * fork point and the first diverging event. A run that fails the same way each time is
   * deterministic and passes.
   *
   * <p>{@code run} is applied to simulations that have already run part way, so it must carry on
   * from wherever the simulation is, as {@code Simulation::run} and {@code sim -> sim.runUntilMs(t)}
   * do. See {@link ForkedDeterminismCheck}.
   */
  public static void assertDeterministic(LongFunction<Simulation> build, Function<Simulation, RunResult> run, long seed) {
    ForkedDeterminismCheck check = ForkedDeterminismCheck.run(seed, seed, build, run);
    if (check.deterministic()) {
      return;
    }
    if (check.first().outcome() == SeedRun.Outcome.BUILD_FAILED || check.second().outcome() == SeedRun.Outcome.BUILD_FAILED) {
      Assertions.fail("seed " + seed + " could not be checked for determinism: " + check.firstDifference());
    }
    String forkPoint = check.forkEventCount() < 0 ? "" : " (the second run was forked after " + check.forkEventCount()
        + " of the first run's " + check.first().eventCount() + " events, a point chosen from the seed)";
    Assertions.fail("seed " + seed + " is not deterministic" + forkPoint + ":\n  " + check.firstDifference());
  }

  /**
   * Asserts that {@code simulation}'s {@code build(seed)}, run to the end, is deterministic, forked
   * or not; {@code simulation} is the {@code @SimulationMain} class, its generated main, or any
   * class implementing {@link SimulationSource}.
   *
   * @throws IllegalArgumentException if {@code simulation} has no generated main, saying how to get one
   */
  public static void assertDeterministic(Class<?> simulation, long seed) {
    SimulationSource source = GeneratedMains.sourceOf(simulation, simulation.getClassLoader());
    assertDeterministic(source::build, Simulation::run, seed);
  }
}
