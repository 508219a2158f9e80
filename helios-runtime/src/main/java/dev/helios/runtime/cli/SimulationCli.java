package dev.helios.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The command line behind every generated {@code FooMain}: parses the options, builds the
 * simulation with the user's {@code build(long seed)}, runs it and reports. The generated main only
 * wires {@code build} in; everything else lives here.
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
    Simulation sim = build(options.seed());
    if (sim == null) {
      return 1;
    }
    int status = 0;
    RunResult result = null;
    try {
      result = runToEnd(sim, options);
    } catch (SimulationFailedException failure) {
      err.print(failure.getMessage());
      status = 1;
    }
    if (!writeTrace(sim, options)) {
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

  private int sweep(CliOptions options) {
    long startNanos = System.nanoTime();
    List<Long> failing = new ArrayList<>();
    long events = 0;
    long virtualMicros = 0;
    long digest = 0;
    for (long seed = options.seedsFrom(); ; seed++) {
      Simulation sim = build(seed);
      String outcome;
      if (sim == null) {
        outcome = "FAILED: build(seed) threw";
        failing.add(seed);
      } else {
        try {
          RunResult result = runToEnd(sim, options);
          outcome = result.stopReason().isLimit() ? "FAILED: " + result.stopReason().description() : "ok";
          if (result.stopReason().isLimit()) {
            failing.add(seed);
          }
        } catch (SimulationFailedException failure) {
          outcome = "FAILED: " + failure.getMessage().lines().findFirst().orElse("");
          failing.add(seed);
        }
        events += sim.eventCount();
        virtualMicros += sim.now();
        digest = dev.helios.runtime.internal.Fingerprints.mix(digest, sim.traceHash());
        outcome += ", events " + sim.eventCount() + ", virtual time " + TraceEvent.formatMillis(sim.now())
            + " ms, trace hash " + Simulation.hex(sim.traceHash());
      }
      out.println("seed " + seed + ": " + outcome);
      if (seed == options.seedsTo()) {
        break;
      }
    }
    long count = options.seedsTo() - options.seedsFrom() + 1;
    out.println("seeds " + options.seedsFrom() + ".." + options.seedsTo() + ": " + (count - failing.size())
        + " ok, " + failing.size() + " failed" + (failing.isEmpty() ? "" : ": " + failing));
    out.println("events: " + events + ", virtual time: " + TraceEvent.formatMillis(virtualMicros)
        + " ms, wall time: " + wallMillisSince(startNanos) + " ms, trace hash: " + Simulation.hex(digest));
    return failing.isEmpty() ? 0 : 1;
  }

  private int checkDeterminism(CliOptions options) {
    long startNanos = System.nanoTime();
    Simulation first = build(options.seed());
    Simulation second = first == null ? null : build(options.seed());
    if (second == null) {
      return 1;
    }
    String firstFailure = runCatching(first, options);
    String secondFailure = runCatching(second, options);
    int status = 0;
    if (first.traceHash() == second.traceHash()) {
      out.println("deterministic: two runs of seed " + options.seed() + " gave the same trace ("
          + first.eventCount() + " events, hash " + Simulation.hex(first.traceHash()) + ")"
          + (firstFailure == null ? "" : "; both failed the same way: " + firstFailure));
    } else {
      status = 1;
      out.println("NOT deterministic: two runs of seed " + options.seed() + " differ");
      out.println(firstDivergence(first.trace(), second.trace(), first.isRecording()));
      if (firstFailure != null || secondFailure != null) {
        out.println("  first run: " + (firstFailure == null ? "ok" : firstFailure));
        out.println("  second run: " + (secondFailure == null ? "ok" : secondFailure));
      }
    }
    out.println(summaryLine(first, options.seed(), wallMillisSince(startNanos)));
    return status;
  }

  private static String firstDivergence(List<TraceEvent> first, List<TraceEvent> second, boolean recording) {
    if (!recording) {
      return "  the trace hashes differ, but build(seed) turns recording off, so the event cannot be named;"
          + " remove recordTrace(false) to see it";
    }
    int common = Math.min(first.size(), second.size());
    for (int i = 0; i < common; i++) {
      if (!first.get(i).equals(second.get(i))) {
        return "  first difference at trace event " + i + ":\n    first run:  " + first.get(i).toText()
            + "\n    second run: " + second.get(i).toText();
      }
    }
    return "  the traces agree for " + common + " events, then the "
        + (first.size() > second.size() ? "first" : "second") + " run has more: "
        + (first.size() > second.size() ? first.get(common) : second.get(common)).toText();
  }

  private String runCatching(Simulation sim, CliOptions options) {
    try {
      RunResult result = runToEnd(sim, options);
      return result.stopReason().isLimit() ? result.stopReason().description() : null;
    } catch (SimulationFailedException failure) {
      return failure.getMessage().lines().findFirst().orElse("failed");
    }
  }

  private static RunResult runToEnd(Simulation sim, CliOptions options) {
    return options.untilMs() == CliOptions.NO_UNTIL ? sim.run() : sim.runUntil(options.untilMs() * 1000);
  }

  /** Builds with the user's code; a throw is reported (it is the user's bug, not a usage error). */
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

  private boolean writeTrace(Simulation sim, CliOptions options) {
    if (options.traceFile() == null && options.quiet()) {
      return true;
    }
    String text = switch (options.format()) {
      case TEXT -> sim.traceText();
      case JSONL -> sim.traceJsonLines();
      case CHROME -> sim.traceChromeJson();
    };
    if (options.traceFile() == null) {
      out.print(text);
      return true;
    }
    try {
      Files.writeString(Path.of(options.traceFile()), text, StandardCharsets.UTF_8);
      if (!options.quiet()) {
        out.println("trace (" + options.format().flag + ", " + sim.trace().size() + " events) written to "
            + options.traceFile());
      }
      return true;
    } catch (IOException e) {
      err.println(program + ": cannot write the trace to " + options.traceFile() + ": " + e.getMessage());
      return false;
    }
  }

  private static String summaryLine(Simulation sim, long seed, long wallMillis) {
    return "seed: " + seed + ", events: " + sim.eventCount() + ", virtual time: " + TraceEvent.formatMillis(sim.now())
        + " ms, wall time: " + wallMillis + " ms, trace hash: " + Simulation.hex(sim.traceHash());
  }
}
