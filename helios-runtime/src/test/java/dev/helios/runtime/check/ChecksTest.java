package dev.helios.runtime.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** The seed sweep and the determinism check as plain code, without the command line. */
class ChecksTest {
  private static final LongFunction<Simulation> QUICKSTART = seed -> SimulationBuilder.create()
      .ping(0).echo(1).echo(2).lossyNetwork(10, 2, 0.1, seed).send(0, 1, "Hello", 100).send(0, 2, "Hello", 100).build();

  @Test
  void aSweepRunsEverySeedInOrderAndReportsEachAsItEnds() {
    List<Long> reported = new ArrayList<>();
    SeedSweep sweep = SeedSweep.run(3, 7, QUICKSTART, Simulation::run, run -> reported.add(run.seed()));
    assertEquals(List.of(3L, 4L, 5L, 6L, 7L), reported);
    assertEquals(List.of(), sweep.failedSeeds());
    for (SeedRun run : sweep.runs()) {
      Simulation again = QUICKSTART.apply(run.seed());
      again.run();
      assertEquals(again.traceHash(), run.traceHash(), "seed=" + run.seed());
      assertEquals(again.eventCount(), run.eventCount(), "seed=" + run.seed());
    }
    assertEquals(SeedSweep.run(3, 7, QUICKSTART, Simulation::run, run -> { }).combinedHash(), sweep.combinedHash());
    assertTrue(sweep.runs().get(0).summary().startsWith("seed 3: ok, events "), sweep.runs().get(0).summary());
  }

  @Test
  void aSweepNamesBuildFailuresLimitsAndHandlerFailuresApart() {
    LongFunction<Simulation> varied = seed -> {
      if (seed == 1) {
        throw new IllegalStateException("no build for seed 1");
      }
      if (seed == 2) {
        return null;
      }
      SimulationBuilder builder = SimulationBuilder.create().ping(0).echo(1).seed(seed).send(0, 1, "x", 1);
      return (seed == 3 ? builder.eventsMax(2) : builder).build();
    };
    SeedSweep sweep = SeedSweep.run(0, 3, varied, Simulation::run, run -> { });
    assertEquals(List.of(1L, 2L, 3L), sweep.failedSeeds());
    assertEquals(SeedRun.Outcome.OK, sweep.runs().get(0).outcome());
    assertEquals(SeedRun.Outcome.BUILD_FAILED, sweep.runs().get(1).outcome());
    assertTrue(sweep.runs().get(1).detail().contains("build(1) threw java.lang.IllegalStateException: no build for seed 1"));
    assertTrue(sweep.runs().get(2).detail().contains("build(2) returned null"));
    assertEquals(SeedRun.Outcome.CUT_SHORT, sweep.runs().get(3).outcome());
    assertEquals("event budget exhausted", sweep.runs().get(3).detail());
  }

  @Test
  void theDeterminismCheckPassesAReproducibleBuildAndNamesTheFirstDifferenceOfALeakyOne() {
    DeterminismCheck same = DeterminismCheck.run(42, QUICKSTART, Simulation::run);
    assertTrue(same.deterministic(), same.firstDifference());
    assertEquals(same.first().traceHash(), same.second().traceHash());

    long[] builds = {0};
    LongFunction<Simulation> leaky = seed -> SimulationBuilder.create().ping(0).echo(1).seed(seed)
        .send(0, 1, "run " + builds[0]++, 5).build();
    DeterminismCheck differs = DeterminismCheck.run(3, leaky, Simulation::run);
    assertFalse(differs.deterministic());
    assertTrue(differs.firstDifference().startsWith("first difference at trace event 2:"), differs.firstDifference());
    assertTrue(differs.firstDifference().contains("\"run 0\"") && differs.firstDifference().contains("\"run 1\""),
        differs.firstDifference());
  }
}
