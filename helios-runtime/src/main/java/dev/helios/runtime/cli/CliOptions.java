package dev.helios.runtime.cli;

import dev.helios.runtime.fault.FaultSyntaxException;
import dev.helios.runtime.fault.ScheduledFault;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a generated simulation main, parsed by hand (the runtime depends on
 * nothing). Every mistake is a {@link UsageException} naming the option and what it accepts.
 *
 * @param runSeedGiven the {@code --run-seed}, or null if not given
 * @param faults the {@code --faults}, or null if not given (an empty list if given empty)
 * @param parallelism the {@code --parallelism}, or 0 if not given
 * @param shardCount the {@code --shard} count, or 0 if not given
 * @param mergeFiles the {@code --merge} files, empty unless merging
 */
record CliOptions(
    Mode mode,
    long seed,
    Long runSeedGiven,
    long seedsFrom,
    long seedsTo,
    long untilMs,
    String traceFile,
    TraceFormat format,
    List<ScheduledFault> faults,
    boolean quiet,
    boolean help,
    boolean shrink,
    int parallelism,
    int shardIndex,
    int shardCount,
    String resultsFile,
    List<String> mergeFiles) {

  /** The run seed of a {@code --faults} scenario: {@code --run-seed}, else {@code --seed}. */
  long runSeed() {
    return runSeedGiven != null ? runSeedGiven : seed;
  }

  /** The seed when {@code --seed} is not given. */
  static final long DEFAULT_SEED = 42;

  /** The latest {@code --until}: the clock counts microseconds in a long. */
  static final long UNTIL_MAX_MS = Long.MAX_VALUE / 1000;

  /** No {@code --until}: run until no events are left. */
  static final long NO_UNTIL = -1;

  /** The most threads {@code --parallelism} accepts, as {@code ScenarioBuilder.parallelism} does. */
  static final int PARALLELISM_MAX = 1024;

  /** What the command line does. */
  enum Mode {
    /** One run: {@code --seed}, with {@code --faults} or not (the default). */
    RUN(null),
    SWEEP("--seeds"),
    CHECK_DETERMINISM("--check-determinism"),
    EXPLORE("--explore"),
    MERGE("--merge");

    final String flag;

    Mode(String flag) {
      this.flag = flag;
    }
  }

  /** The formats {@code --format} accepts. */
  enum TraceFormat {
    TEXT("text"),
    JSONL("jsonl"),
    CHROME("chrome");

    final String flag;

    TraceFormat(String flag) {
      this.flag = flag;
    }
  }

  /** A bad command line; the message says which option and what it accepts. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  static String usage(String program) {
    return "usage: " + program + " [options]\n"
        + "  --seed N             seed of the run (default " + DEFAULT_SEED + ")\n"
        + "  --seeds A..B         run every seed from A to B, one line each; exit 1 if any fails\n"
        + "  --until MS           stop at virtual time MS (milliseconds) instead of when no events are left\n"
        + "  --faults TEXT        apply faults at their times: \"crash 1 @ 50ms; partition 0-2 @ 20ms\"\n"
        + "  --run-seed N         with --faults and scenarios: the scenario's run seed, when the space crossed seeds(...)\n"
        + "  --trace FILE         write the trace to FILE instead of printing it\n"
        + "  --format F           trace format: text, jsonl or chrome (Perfetto; default text)\n"
        + "  --check-determinism  run twice and name the first event at which the runs differ\n"
        + "  --quiet              print no trace (no progress line when exploring), only the outcome and the summary\n"
        + "  --help               print this help\n"
        + "exploring, when the class declares public static ScenarioBuilder scenarios(Simulation sim):\n"
        + "  --explore            run every scenario of scenarios(build(seed)); print the violations and how to replay each\n"
        + "  --shrink             with --explore or --merge: also shrink the first " + ExplorationReport.SHRUNK_MAX
        + " violations printed\n"
        + "  --parallelism N      with --explore: explore on N threads, 1 to " + PARALLELISM_MAX + " (the result is the same)\n"
        + "  --shard I/N          with --explore: explore only shard I of N, 0 <= I < N\n"
        + "  --results FILE       with --explore: also write the result to FILE, for --merge\n"
        + "  --merge FILE...      merge the --results of every shard (the files up to the next option; give the same\n"
        + "                       --seed as --explore) and print them as --explore does\n"
        + "  with scenarios, --faults (even \"\") runs one scenario: its checks, its bound (or --until), its replay\n"
        + "exit status: 0 success, 1 the run failed, a check was violated, a limit was hit or the run was not\n"
        + "deterministic, 2 bad options\n";
  }

  static CliOptions parse(String[] args) throws UsageException {
    Parsed parsed = new Parsed();
    for (int i = 0; i < args.length; i++) {
      i = parsed.option(args, i);
    }
    parsed.checkCombinations();
    return parsed.options();
  }

  /** The first option given that only a class with a scenarios method can use, or null. */
  String optionNeedingScenarios() {
    if (mode == Mode.EXPLORE || mode == Mode.MERGE) {
      return mode.flag;
    }
    if (shrink) {
      return "--shrink";
    }
    if (runSeedGiven != null) {
      return "--run-seed";
    }
    if (parallelism > 0) {
      return "--parallelism";
    }
    if (shardCount > 0) {
      return "--shard";
    }
    return resultsFile != null ? "--results" : null;
  }

  /** The options as they are read, each at most once; unset ones are null. */
  private static final class Parsed {
    Long seed;
    Long runSeed;
    Long seedsFrom;
    Long seedsTo;
    Long untilMs;
    String traceFile;
    TraceFormat format;
    List<ScheduledFault> faults;
    boolean checkDeterminism;
    boolean quiet;
    boolean help;
    boolean explore;
    boolean shrink;
    Integer parallelism;
    Integer shardIndex;
    Integer shardCount;
    String resultsFile;
    List<String> mergeFiles;

    /** Reads the option at {@code i} and its values; returns the index of its last value. */
    int option(String[] args, int i) throws UsageException {
      String option = args[i];
      switch (option) {
        case "--seed" -> {
          once(option, seed);
          seed = parseLong(option, value(args, ++i, option, "an integer"), "an integer");
        }
        case "--run-seed" -> {
          once(option, runSeed);
          runSeed = parseLong(option, value(args, ++i, option, "an integer"), "an integer");
        }
        case "--seeds" -> {
          once(option, seedsFrom);
          String range = value(args, ++i, option, "a range A..B of integers");
          int dots = range.indexOf("..");
          if (dots < 0) {
            throw new UsageException("--seeds accepts a range A..B of integers, got '" + range + "'");
          }
          seedsFrom = parseLong(option, range.substring(0, dots), "a range A..B of integers");
          seedsTo = parseLong(option, range.substring(dots + 2), "a range A..B of integers");
          if (seedsFrom > seedsTo) {
            throw new UsageException("--seeds accepts a range A..B with A <= B, got '" + range + "'");
          }
        }
        case "--until" -> {
          once(option, untilMs);
          untilMs = parseLong(option, value(args, ++i, option, "milliseconds, zero or more"), "milliseconds, zero or more");
          if (untilMs < 0) {
            throw new UsageException("--until accepts milliseconds, zero or more, got " + untilMs);
          }
          if (untilMs > UNTIL_MAX_MS) {
            throw new UsageException("--until " + untilMs + " is too large: virtual time is counted in microseconds,"
                + " so the latest time is " + UNTIL_MAX_MS + " ms");
          }
        }
        case "--faults" -> {
          once(option, faults);
          String text = value(args, ++i, option, "fault text such as \"crash 1 @ 50ms; partition 0-2 @ 20ms\"");
          try {
            faults = ScheduledFault.parseAll(text);
          } catch (FaultSyntaxException e) {
            throw new UsageException("--faults " + e.getMessage());
          }
        }
        case "--trace" -> {
          once(option, traceFile);
          traceFile = value(args, ++i, option, "a file name");
        }
        case "--format" -> {
          once(option, format);
          format = parseFormat(value(args, ++i, option, "text, jsonl or chrome"));
        }
        case "--check-determinism" -> checkDeterminism = flag(option, checkDeterminism);
        case "--quiet" -> quiet = flag(option, quiet);
        case "--help", "-h" -> help = true;
        case "--explore" -> explore = flag(option, explore);
        case "--shrink" -> shrink = flag(option, shrink);
        case "--parallelism" -> {
          once(option, parallelism);
          String accepts = "a number of threads, 1 to " + PARALLELISM_MAX;
          long threads = parseLong(option, value(args, ++i, option, accepts), accepts);
          if (threads < 1 || threads > PARALLELISM_MAX) {
            throw new UsageException("--parallelism accepts " + accepts + ", got " + threads);
          }
          parallelism = (int) threads;
        }
        case "--shard" -> {
          once(option, shardCount);
          String accepts = "I/N with 0 <= I < N (shard I of N)";
          String shard = value(args, ++i, option, accepts);
          long[] parts = shardParts(shard);
          if (parts == null || parts[0] < 0 || parts[0] >= parts[1] || parts[1] > Integer.MAX_VALUE) {
            throw new UsageException("--shard accepts " + accepts + ", got '" + shard + "'");
          }
          long index = parts[0];
          long count = parts[1];
          shardIndex = (int) index;
          shardCount = (int) count;
        }
        case "--results" -> {
          once(option, resultsFile);
          resultsFile = value(args, ++i, option, "a file name");
        }
        case "--merge" -> {
          once(option, mergeFiles);
          // The files run to the next option, so the merge takes a shell glob: --merge shard-*.txt
          List<String> files = new ArrayList<>();
          files.add(value(args, ++i, option, "one or more files written by --explore --results"));
          while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
            files.add(args[++i]);
          }
          mergeFiles = List.copyOf(files);
        }
        default -> throw new UsageException("unknown option '" + option + "'");
      }
      return i;
    }

    void checkCombinations() throws UsageException {
      if (seed != null && seedsFrom != null) {
        throw new UsageException("--seed and --seeds cannot be combined: give one seed or one range");
      }
      if (checkDeterminism && seedsFrom != null) {
        throw new UsageException("--check-determinism runs one seed; use it with --seed, not --seeds");
      }
      if (traceFile != null && seedsFrom != null) {
        throw new UsageException("--trace writes one run's trace; use it with --seed, not --seeds");
      }
      List<String> modes = new ArrayList<>();
      addIf(modes, seedsFrom != null, "--seeds");
      addIf(modes, checkDeterminism, "--check-determinism");
      addIf(modes, explore, "--explore");
      addIf(modes, mergeFiles != null, "--merge");
      addIf(modes, faults != null, "--faults");
      if (modes.size() > 1) {
        throw new UsageException(modes.get(0) + " and " + modes.get(1)
            + " cannot be combined: give one of --seeds, --check-determinism, --explore, --merge and --faults");
      }
      boolean exploring = explore || mergeFiles != null;
      if (shrink && !exploring) {
        throw new UsageException("--shrink shrinks the violations that --explore or --merge print; use it with one of them");
      }
      String exploreOnly = parallelism != null ? "--parallelism"
          : shardCount != null ? "--shard"
          : resultsFile != null ? "--results"
          : null;
      if (exploreOnly != null && !explore) {
        throw new UsageException(exploreOnly + " applies to an exploration; use it with --explore");
      }
      if (exploring) {
        String verb = explore ? "--explore" : "--merge";
        if (untilMs != null) {
          throw new UsageException("--until bounds one run, and " + verb + " runs the space's scenarios, which"
              + " until(ms) in scenarios(sim) bounds; replay one scenario with --seed, --faults and --until");
        }
        if (traceFile != null || format != null) {
          throw new UsageException((traceFile != null ? "--trace" : "--format") + " applies to one run, not to "
              + verb + "; replay one scenario with --seed and --faults to see its trace");
        }
      }
      if (runSeed != null && faults == null) {
        throw new UsageException("--run-seed sets the run seed of the scenario that --faults runs; use it with --faults");
      }
      if (faults != null && untilMs != null) {
        for (ScheduledFault fault : faults) {
          if (fault.atMicros() > untilMs * 1000) {
            throw new UsageException("--faults \"" + fault + "\" comes after --until " + untilMs
                + " ms; give faults at or before the end of the run");
          }
        }
      }
    }

    CliOptions options() {
      Mode mode = seedsFrom != null ? Mode.SWEEP
          : checkDeterminism ? Mode.CHECK_DETERMINISM
          : explore ? Mode.EXPLORE
          : mergeFiles != null ? Mode.MERGE
          : Mode.RUN;
      return new CliOptions(
          mode,
          seed == null ? DEFAULT_SEED : seed,
          runSeed,
          seedsFrom == null ? 0 : seedsFrom,
          seedsTo == null ? 0 : seedsTo,
          untilMs == null ? NO_UNTIL : untilMs,
          traceFile,
          format == null ? TraceFormat.TEXT : format,
          faults,
          quiet,
          help,
          shrink,
          parallelism == null ? 0 : parallelism,
          shardIndex == null ? 0 : shardIndex,
          shardCount == null ? 0 : shardCount,
          resultsFile,
          mergeFiles == null ? List.of() : mergeFiles);
    }
  }

  private static void addIf(List<String> list, boolean condition, String value) {
    if (condition) {
      list.add(value);
    }
  }

  private static String value(String[] args, int index, String option, String accepts) throws UsageException {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new UsageException(option + " needs a value: " + accepts);
    }
    return args[index];
  }

  private static long parseLong(String option, String text, String accepts) throws UsageException {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(option + " accepts " + accepts + ", got '" + text + "'");
    }
  }

  /** {@code I/N} as two numbers, or null if it is not two integers around a slash. */
  private static long[] shardParts(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return null;
    }
    try {
      return new long[] {Long.parseLong(text.substring(0, slash).trim()), Long.parseLong(text.substring(slash + 1).trim())};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static TraceFormat parseFormat(String text) throws UsageException {
    for (TraceFormat format : TraceFormat.values()) {
      if (format.flag.equals(text)) {
        return format;
      }
    }
    throw new UsageException("--format accepts text, jsonl or chrome, got '" + text + "'");
  }

  private static void once(String option, Object current) throws UsageException {
    if (current != null) {
      throw new UsageException(option + " is given twice; give it once");
    }
  }

  private static boolean flag(String option, boolean current) throws UsageException {
    if (current) {
      throw new UsageException(option + " is given twice; give it once");
    }
    return true;
  }
}
