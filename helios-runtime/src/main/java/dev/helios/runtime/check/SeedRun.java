package dev.helios.runtime.check;

import dev.helios.runtime.RunResult;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationFailedException;
import dev.helios.runtime.trace.TraceFormats;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * How one seed's run ended: the outcome, what went wrong if anything, and the figures that identify
 * the run (events, virtual time, trace hash).
 *
 * @param detail what went wrong, in one line, or empty when the outcome is {@link Outcome#OK}
 */
public record SeedRun(long seed, Outcome outcome, String detail, long eventCount, long virtualTimeMicros, long traceHash) {

  /** How a seed's run ended. */
  public enum Outcome {
    /** The run ended with no event left, or at the requested time. */
    OK,
    /** {@code build(seed)} threw or returned null: the simulation never ran. */
    BUILD_FAILED,
    /** A handler threw or a message had no handler. */
    FAILED,
    /** The event budget or the time horizon cut the run short. */
    CUT_SHORT
  }

  /**
   * Builds the simulation of {@code seed} with {@code build}, runs it with {@code run} (for example
   * {@code Simulation::run}) and says how it ended. A throw from {@code build} is an outcome, not an
   * exception; so is a handler's failure.
   */
  public static SeedRun of(long seed, LongFunction<Simulation> build, Function<Simulation, RunResult> run) {
    Simulation simulation;
    try {
      simulation = build.apply(seed);
    } catch (RuntimeException e) {
      return new SeedRun(seed, Outcome.BUILD_FAILED, "build(" + seed + ") threw " + e, 0, 0, 0);
    }
    if (simulation == null) {
      return new SeedRun(seed, Outcome.BUILD_FAILED, "build(" + seed + ") returned null; return the built simulation", 0, 0, 0);
    }
    return of(seed, simulation, run);
  }

  /** Runs the already built {@code simulation} of {@code seed} with {@code run} and says how it ended. */
  public static SeedRun of(long seed, Simulation simulation, Function<Simulation, RunResult> run) {
    Outcome outcome;
    String detail;
    try {
      RunResult result = run.apply(simulation);
      outcome = result.stopReason().isLimit() ? Outcome.CUT_SHORT : Outcome.OK;
      detail = result.stopReason().isLimit() ? result.stopReason().description() : "";
    } catch (SimulationFailedException failure) {
      outcome = Outcome.FAILED;
      detail = failure.getMessage().lines().findFirst().orElse("failed");
    }
    return new SeedRun(seed, outcome, detail, simulation.eventCount(), simulation.nowMicros(), simulation.traceHash());
  }

  /** True if the run ended well. */
  public boolean ok() {
    return outcome == Outcome.OK;
  }

  /** One line, e.g. {@code seed 3: ok, events 120, virtual time 12.000 ms, trace hash 1f...}. */
  public String summary() {
    String result = ok() ? "ok" : "FAILED: " + detail;
    if (outcome == Outcome.BUILD_FAILED) {
      return "seed " + seed + ": " + result;
    }
    return "seed " + seed + ": " + result + ", events " + eventCount + ", virtual time "
        + TraceFormats.millis(virtualTimeMicros) + " ms, trace hash " + TraceFormats.hex(traceHash);
  }
}
