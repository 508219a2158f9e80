package dev.helios.runtime.cli;

import dev.helios.runtime.RunResult;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationFailedException;
import dev.helios.runtime.check.DeterminismCheck;
import dev.helios.runtime.check.SeedRun;
import dev.helios.runtime.check.SeedSweep;
import dev.helios.runtime.explore.ExplorationResult;
import dev.helios.runtime.explore.ScenarioBuilder;
import dev.helios.runtime.explore.ScenarioRun;
import dev.helios.runtime.fault.Fault;
import dev.helios.runtime.fault.ScheduledFault;
import dev.helios.runtime.trace.TraceFormats;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The command line behind every generated {@code FooMain}: parses the options, builds the
 * simulation with the user's {@code build(long seed)}, runs it and reports; with the user's
 * {@code scenarios(Simulation sim)} it also explores that space ({@code --explore}), merges shard
 * results ({@code --merge}) and runs one scenario of it, checked ({@code --faults}, even empty).
 * The generated main only wires {@code build} and {@code scenarios} in; the seed sweep, the
 * determinism check and the explorer are {@link SeedSweep}, {@link DeterminismCheck} and
 * {@link ScenarioBuilder}, which tests and tools call directly.
 *
 * <p>This is the one place in the runtime that reads the wall clock ({@code System.nanoTime}), to
 * print how long a run took. The value is printed and nothing else: no simulation sees it.
 */
public final class SimulationCli {
  private final String program;
  private final LongFunction<Simulation> build;
  private final Function<Simulation, ScenarioBuilder> scenarios;
  private final PrintStream out;
  private final PrintStream err;

  private SimulationCli(
      String program, LongFunction<Simulation> build, Function<Simulation, ScenarioBuilder> scenarios,
      PrintStream out, PrintStream err) {
    this.program = program;
    this.build = build;
    this.scenarios = scenarios;
    this.out = out;
    this.err = err;
  }

  /** Runs the command line {@code args} and returns the exit status (0, 1 or 2). */
  public static int run(String program, String[] args, LongFunction<Simulation> build) {
    return run(program, args, build, null, System.out, System.err);
  }

  /** As {@link #run(String, String[], LongFunction)}, printing to the given streams. */
  public static int run(
      String program, String[] args, LongFunction<Simulation> build, PrintStream out, PrintStream err) {
    return run(program, args, build, null, out, err);
  }

  /**
   * Runs the command line {@code args} of a class that also declares {@code scenarios}, and returns
   * the exit status: 0 no violation (or failure), 1 violations found (or a run failed), 2 bad usage.
   */
  public static int run(
      String program, String[] args, LongFunction<Simulation> build, Function<Simulation, ScenarioBuilder> scenarios) {
    return run(program, args, build, scenarios, System.out, System.err);
  }

  /**
   * As {@link #run(String, String[], LongFunction, Function)}, printing to the given streams;
   * {@code scenarios} may be null for a class without a scenarios method.
   */
  public static int run(
      String program,
      String[] args,
      LongFunction<Simulation> build,
      Function<Simulation, ScenarioBuilder> scenarios,
      PrintStream out,
      PrintStream err) {
    CliOptions options;
    try {
      options = CliOptions.parse(args);
      String needsScenarios = options.optionNeedingScenarios();
      if (scenarios == null && needsScenarios != null) {
        throw new CliOptions.UsageException(program + " has no scenarios method, which " + needsScenarios
            + " needs: declare public static ScenarioBuilder scenarios(Simulation sim) in its @SimulationMain class");
      }
    } catch (CliOptions.UsageException e) {
      err.println(program + ": " + e.getMessage());
      err.print(CliOptions.usage(program));
      return 2;
    }
    if (options.help()) {
      out.print(CliOptions.usage(program));
      return 0;
    }
    SimulationCli cli = new SimulationCli(program, build, scenarios, out, err);
    return switch (options.mode()) {
      case SWEEP -> cli.sweep(options);
      case CHECK_DETERMINISM -> cli.checkDeterminism(options);
      case EXPLORE -> cli.explore(options);
      case MERGE -> cli.merge(options);
      case RUN -> scenarios == null || options.faults() == null ? cli.single(options) : cli.scenario(options);
    };
  }

  /** Milliseconds of wall time since {@code startNanos}: printed in the summary line, never fed into a run. */
  private static long wallMillisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  // ---- one run ----

  private int single(CliOptions options) {
    long startNanos = System.nanoTime();
    // The trace file is opened before anything runs, so a bad path costs no run.
    TraceWriter traceWriter = openTrace(options);
    if (traceWriter == null) {
      return 2;
    }
    try (traceWriter) {
      Simulation sim = build(options.seed());
      if (sim == null) {
        return 1;
      }
      if (!faultsNameNodesOf(sim, options)) {
        return 2;
      }
      traceWriter.attachTo(sim);
      int status = 0;
      RunResult result = null;
      List<ScheduledFault> skipped = new ArrayList<>();
      try {
        result = runWithFaults(sim, options, skipped);
      } catch (SimulationFailedException failure) {
        err.print(failure.getMessage());
        status = 1;
      }
      String traceProblem = traceWriter.finish(sim);
      if (traceProblem != null) {
        err.println(program + ": " + traceProblem);
        status = 1;
      }
      for (ScheduledFault fault : skipped) {
        out.println("skipped: " + fault + " (" + skipReason(fault.fault()) + ")");
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

  /**
   * One scenario of {@code scenarios(build(seed))}: the {@code --faults} at their times, the space's
   * checks and bound (or {@code --until}), as a violation's replay line names it.
   */
  private int scenario(CliOptions options) {
    long startNanos = System.nanoTime();
    TraceWriter traceWriter = openTrace(options);
    if (traceWriter == null) {
      return 2;
    }
    try (traceWriter) {
      Simulation built = build(options.seed());
      if (built == null) {
        return 1;
      }
      if (!faultsNameNodesOf(built, options)) {
        return 2;
      }
      ScenarioBuilder space = scenarios(built);
      if (space == null) {
        return 1;
      }
      List<ScheduledFault> faults = options.faults() == null ? List.of() : options.faults();
      ScenarioRun run;
      try {
        if (options.untilMs() == CliOptions.NO_UNTIL) {
          run = space.runScenario(options.runSeed(), faults);
        } else {
          try {
            run = space.runScenario(options.runSeed(), faults, options.untilMs());
          } catch (IllegalArgumentException e) {
            err.println(program + ": --until " + options.untilMs() + " does not fit this space: " + e.getMessage());
            return 2;
          }
        }
      } catch (IllegalStateException e) {
        err.println(program + ": the scenarios cannot be run: " + e.getMessage());
        return 1;
      }
      Simulation sim = run.simulation();
      traceWriter.writeRecorded(sim);
      int status = 0;
      String traceProblem = traceWriter.finish(sim);
      if (traceProblem != null) {
        err.println(program + ": " + traceProblem);
        status = 1;
      }
      for (ScheduledFault fault : run.skipped()) {
        out.println("skipped: " + fault + " (" + skipReason(fault.fault()) + ")");
      }
      if (run.violation().isPresent()) {
        out.println("violation: " + run.violation().get());
        out.println("view: ?" + run.violation().get().viewQuery(ExplorationReport.simulationName(program), options.seed()));
        status = 1;
      } else {
        out.println("every check held");
      }
      out.println(summaryLine(sim, options.runSeed(), wallMillisSince(startNanos)));
      return status;
    }
  }

  private TraceWriter openTrace(CliOptions options) {
    try {
      return TraceWriter.open(options, out);
    } catch (OutputFile.CannotWriteException e) {
      err.println(program + ": " + e.getMessage());
      return null;
    }
  }

  /** False, with the reason printed, if a {@code --faults} fault names a node {@code sim} does not have. */
  private boolean faultsNameNodesOf(Simulation sim, CliOptions options) {
    if (options.faults() == null) {
      return true;
    }
    List<Integer> ids = new ArrayList<>();
    for (int id : sim.nodeIds()) {
      ids.add(id);
    }
    for (ScheduledFault fault : options.faults()) {
      for (int node : fault.fault().nodes()) {
        if (!ids.contains(node)) {
          err.println(program + ": --faults \"" + fault + "\" names node " + node + ", which build(" + options.seed()
              + ") does not have; the nodes are " + ids);
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Applies the {@code --faults} by time (same-time faults as given), each once every event before
   * it has run, skipping those that cannot apply as the explorer does; then runs as {@code --until} says.
   */
  private static RunResult runWithFaults(Simulation sim, CliOptions options, List<ScheduledFault> skipped) {
    if (options.faults() != null) {
      List<ScheduledFault> ordered = new ArrayList<>(options.faults());
      ordered.sort(Comparator.comparingLong(ScheduledFault::atMicros));
      for (ScheduledFault fault : ordered) {
        RunResult result = sim.runUntilMicros(Math.max(fault.atMicros(), sim.nowMicros()));
        if (result.stopReason().isLimit()) {
          return result;
        }
        if (sim.canApply(fault.fault())) {
          sim.apply(fault.fault());
        } else {
          skipped.add(fault);
        }
      }
    }
    return runToEnd(sim, options);
  }


  private static String skipReason(Fault fault) {
    return fault instanceof Fault.Crash ? "the node was already crashed" : "the node was running";
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

  /** The user's space of {@code sim}; a throw or a null is reported (the user's bug, not a usage error). */
  private ScenarioBuilder scenarios(Simulation sim) {
    try {
      ScenarioBuilder space = scenarios.apply(sim);
      if (space == null) {
        err.println(program + ": scenarios(sim) returned null; return the ScenarioBuilder");
      }
      return space;
    } catch (RuntimeException e) {
      err.println(program + ": scenarios(sim) threw " + e);
      return null;
    }
  }

  // ---- many runs ----

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

  // ---- exploring ----

  private int explore(CliOptions options) {
    long startNanos = System.nanoTime();
    Writer results = null;
    if (options.resultsFile() != null) {
      // Opened before anything runs, as the trace file is: a bad path costs no exploration.
      try {
        results = OutputFile.open("the results", options.resultsFile());
      } catch (OutputFile.CannotWriteException e) {
        err.println(program + ": " + e.getMessage());
        return 2;
      }
    }
    try (Writer resultsWriter = results) {
      ScenarioBuilder space = space(options.seed());
      if (space == null) {
        return 1;
      }
      String option = null;
      try {
        if (options.parallelism() > 0) {
          option = "--parallelism";
          space.parallelism(options.parallelism());
        }
        if (options.shardCount() > 0) {
          option = "--shard";
          space.shard(options.shardIndex(), options.shardCount());
        }
      } catch (IllegalStateException e) {
        err.println(program + ": " + option + " cannot be applied: scenarios(sim) set it already (" + e.getMessage()
            + "); drop " + option + " or the call in scenarios(sim)");
        return 2;
      }
      if (options.quiet()) {
        space.quiet();
      }
      ExplorationResult result;
      try {
        result = space.explore();
      } catch (IllegalStateException e) {
        err.println(program + ": the scenarios cannot be explored: " + e.getMessage());
        return 1;
      }
      ExplorationReport.print(program, options.seed(), result, options.shrink(), out);
      if (resultsWriter != null) {
        resultsWriter.write(result.toText());
        resultsWriter.flush();
        out.println("results" + (result.shardCount() > 1 ? " of shard " + result.shardIndex() + "/" + result.shardCount() : "")
            + " written to " + options.resultsFile());
      }
      out.println(exploreLine(options.seed(), result, wallMillisSince(startNanos)));
      return result.violationCount() == 0 ? 0 : 1;
    } catch (IOException e) {
      err.println(program + ": writing the results to " + options.resultsFile() + " failed: " + e.getMessage());
      return 2;
    }
  }

  private int merge(CliOptions options) {
    long startNanos = System.nanoTime();
    List<String> texts = new ArrayList<>();
    for (String file : options.mergeFiles()) {
      try {
        texts.add(Files.readString(Path.of(file)));
      } catch (InvalidPathException | IOException e) {
        err.println(program + ": cannot read the results file " + file + ": " + readProblem(e));
        return 2;
      }
    }
    ScenarioBuilder space = space(options.seed());
    if (space == null) {
      return 1;
    }
    List<ExplorationResult> shards = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      try {
        shards.add(space.readResult(texts.get(i)));
      } catch (IllegalStateException e) {
        err.println(program + ": the scenarios cannot be explored: " + e.getMessage());
        return 1;
      } catch (RuntimeException e) {
        err.println(program + ": " + options.mergeFiles().get(i) + ": " + e.getMessage()
            + " (give --merge the --results files of one --explore, and its --seed)");
        return 2;
      }
    }
    ExplorationResult merged;
    try {
      merged = ExplorationResult.merge(shards);
    } catch (IllegalArgumentException e) {
      err.println(program + ": " + e.getMessage());
      return 2;
    }
    ExplorationReport.print(program, options.seed(), merged, options.shrink(), out);
    out.println(exploreLine(options.seed(), merged, wallMillisSince(startNanos)));
    return merged.violationCount() == 0 ? 0 : 1;
  }

  /** {@code scenarios(build(seed))}, or null with the reason printed. */
  private ScenarioBuilder space(long seed) {
    Simulation sim = build(seed);
    return sim == null ? null : scenarios(sim);
  }

  private static String readProblem(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof InvalidPathException invalid) {
      return "not a valid path (" + invalid.getReason() + ")";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  // ---- summary lines ----

  private static RunResult runToEnd(Simulation sim, CliOptions options) {
    return options.untilMs() == CliOptions.NO_UNTIL ? sim.run() : sim.runUntilMs(options.untilMs());
  }

  private static String summaryLine(Simulation sim, long seed, long wallMillis) {
    return "seed: " + seed + ", events: " + sim.eventCount() + ", virtual time: " + TraceFormats.millis(sim.nowMicros())
        + " ms, wall time: " + wallMillis + " ms, trace hash: " + TraceFormats.hex(sim.traceHash());
  }

  private static String exploreLine(long seed, ExplorationResult result, long wallMillis) {
    return "seed: " + seed + ", scenarios: " + result.scenarioCount() + ", violations: " + result.violationCount()
        + ", wall time: " + wallMillis + " ms";
  }
}
