package dev.helios.runtime.cli;

import dev.helios.runtime.RunResult;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationFailedException;
import dev.helios.runtime.check.DeterminismCheck;
import dev.helios.runtime.check.SeedRun;
import dev.helios.runtime.check.SeedSweep;
import dev.helios.runtime.trace.TraceFormats;
import java.io.PrintStream;
import java.util.function.LongFunction;

/**
 * The command line behind every generated {@code FooMain}: parses the options, builds the
 * simulation with the user's {@code build(long seed)}, runs it and reports. The generated main only
 * wires {@code build} in; the seed sweep and the determinism check are {@link SeedSweep} and
 * {@link DeterminismCheck}, which tests and tools call directly.
 *
 * <p>This is the one place in the runtime that reads the wall clock ({@code System.nanoTime}), to
 * print how long a run took. The value is printed and nothing else: no simulation sees it.
 */
public final class SimulationCli {
  private final String program;
  private final LongFunction<Simulation> build;
  private final PrintStream out;
  private final PrintStream err;

  private SimulationCli(String program, LongFunction<Simulation> build, PrintStream out, PrintStream err) {
    this.program = program;
    this.build = build;
    this.out = out;
    this.err = err;
  }

  /** Runs the command line {@code args} and returns the exit status (0, 1 or 2). */
  public static int run(String program, String[] args, LongFunction<Simulation> build) {
    return run(program, args, build, System.out, System.err);
  }

  /** As {@link #run(String, String[], LongFunction)}, printing to the given streams. */
  public static int run(
      String program, String[] args, LongFunction<Simulation> build, PrintStream out, PrintStream err) {
    CliOptions options;
    try {
      options = CliOptions.parse(args);
    } catch (CliOptions.UsageException e) {
      err.println(program + ": " + e.getMessage());
      err.print(CliOptions.usage(program));
      return 2;
    }
    if (options.help()) {
      out.print(CliOptions.usage(program));
      return 0;
    }
    SimulationCli cli = new SimulationCli(program, build, out, err);
    if (options.sweep()) {
      return cli.sweep(options);
    }
    if (options.checkDeterminism()) {
      return cli.checkDeterminism(options);
    }
    return cli.single(options);
  }

  /** Milliseconds of wall time since {@code startNanos}: printed in the summary line, never fed into a run. */
  private static long wallMillisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private int single(CliOptions options) {
    long startNanos = System.nanoTime();
    // The trace file is opened before anything runs, so a bad path costs no run.
    TraceWriter traceWriter;
    try {
      traceWriter = TraceWriter.open(options, out);
    } catch (TraceWriter.CannotWriteException e) {
      err.println(program + ": " + e.getMessage());
      return 2;
    }
    try (traceWriter) {
      Simulation sim = build(options.seed());
      if (sim == null) {
        return 1;
      }
      traceWriter.attachTo(sim);
      int status = 0;
      RunResult result = null;
      try {
        result = runToEnd(sim, options);
      } catch (SimulationFailedException failure) {
        err.print(failure.getMessage());
        status = 1;
      }
      String traceProblem = traceWriter.finish(sim);
      if (traceProblem != null) {
        err.println(program + ": " + traceProblem);
        status = 1;
      }
      if (result != null) {
        out.println(result.summary());
        if (result.stopReason().isLimit()) {
          err.println(program + ": the run was cut short (" + result.stopReason().description()
              + "); raise eventsMax or horizonMs in build(seed) if it should go on");
          status = 1;
        }
      }
      out.println(summaryLine(sim, options.seed(), wallMillisSince(startNanos)));
      return status;
    }
  }

  /** Builds with the user's code; a throw or a null is reported (the user's bug, not a usage error). */
  private Simulation build(long seed) {
    try {
      Simulation sim = build.apply(seed);
      if (sim == null) {
        err.println(program + ": build(" + seed + ") returned null; return the built simulation");
      }
      return sim;
    } catch (RuntimeException e) {
      err.println(program + ": build(" + seed + ") threw " + e);
      return null;
    }
  }

  private int sweep(CliOptions options) {
    long startNanos = System.nanoTime();
    SeedSweep sweep = SeedSweep.run(
        options.seedsFrom(), options.seedsTo(), build, sim -> runToEnd(sim, options), run -> out.println(run.summary()));
    long count = sweep.runs().size();
    int failed = sweep.failedSeeds().size();
    out.println("seeds " + options.seedsFrom() + ".." + options.seedsTo() + ": " + (count - failed) + " ok, "
        + failed + " failed" + (failed == 0 ? "" : ": " + sweep.failedSeeds()));
    out.println("events: " + sweep.eventCount() + ", virtual time: " + TraceFormats.millis(sweep.virtualTimeMicros())
        + " ms, wall time: " + wallMillisSince(startNanos) + " ms, trace hash: " + TraceFormats.hex(sweep.combinedHash()));
    return failed == 0 ? 0 : 1;
  }

  private int checkDeterminism(CliOptions options) {
    long startNanos = System.nanoTime();
    DeterminismCheck check = DeterminismCheck.run(options.seed(), build, sim -> runToEnd(sim, options));
    SeedRun first = check.first();
    if (first.outcome() == SeedRun.Outcome.BUILD_FAILED || check.second().outcome() == SeedRun.Outcome.BUILD_FAILED) {
      err.println(program + ": " + check.firstDifference());
      return 1;
    }
    int status = 0;
    if (check.deterministic()) {
      out.println("deterministic: two runs of seed " + options.seed() + " gave the same trace ("
          + first.eventCount() + " events, hash " + TraceFormats.hex(first.traceHash()) + ")"
          + (first.ok() ? "" : "; both failed the same way: " + first.detail()));
    } else {
      status = 1;
      out.println("NOT deterministic: two runs of seed " + options.seed() + " differ");
      out.println("  " + check.firstDifference());
      if (!first.ok() || !check.second().ok()) {
        out.println("  first run: " + (first.ok() ? "ok" : first.detail()));
        out.println("  second run: " + (check.second().ok() ? "ok" : check.second().detail()));
      }
    }
    out.println("seed: " + options.seed() + ", events: " + first.eventCount() + ", virtual time: "
        + TraceFormats.millis(first.virtualTimeMicros()) + " ms, wall time: " + wallMillisSince(startNanos)
        + " ms, trace hash: " + TraceFormats.hex(first.traceHash()));
    return status;
  }

  private static RunResult runToEnd(Simulation sim, CliOptions options) {
    return options.untilMs() == CliOptions.NO_UNTIL ? sim.run() : sim.runUntilMs(options.untilMs());
  }

  private static String summaryLine(Simulation sim, long seed, long wallMillis) {
    return "seed: " + seed + ", events: " + sim.eventCount() + ", virtual time: " + TraceFormats.millis(sim.nowMicros())
        + " ms, wall time: " + wallMillis + " ms, trace hash: " + TraceFormats.hex(sim.traceHash());
  }
}
