package dev.helios.runtime.cli;

/**
 * The command line of a generated simulation main, parsed by hand (the runtime depends on
 * nothing). Every mistake is a {@link UsageException} naming the option and what it accepts.
 */
record CliOptions(
    long seed,
    long seedsFrom,
    long seedsTo,
    boolean sweep,
    long untilMs,
    String traceFile,
    TraceFormat format,
    boolean checkDeterminism,
    boolean quiet,
    boolean help) {

  /** The seed when {@code --seed} is not given. */
  static final long DEFAULT_SEED = 42;

  /** The latest {@code --until}: the clock counts microseconds in a long. */
  static final long UNTIL_MAX_MS = Long.MAX_VALUE / 1000;

  /** No {@code --until}: run until no events are left. */
  static final long NO_UNTIL = -1;

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
        + "  --trace FILE         write the trace to FILE instead of printing it\n"
        + "  --format F           trace format: text, jsonl or chrome (Perfetto; default text)\n"
        + "  --check-determinism  run twice and name the first event at which the runs differ\n"
        + "  --quiet              print no trace, only the outcome and the summary line\n"
        + "  --help               print this help\n"
        + "exit status: 0 success, 1 the run failed, hit a limit or was not deterministic, 2 bad options\n";
  }

  static CliOptions parse(String[] args) throws UsageException {
    Long seed = null;
    Long seedsFrom = null;
    Long seedsTo = null;
    Long untilMs = null;
    String traceFile = null;
    TraceFormat format = null;
    boolean checkDeterminism = false;
    boolean quiet = false;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--seed" -> {
          once(option, seed);
          seed = parseLong(option, value(args, ++i, option, "an integer"), "an integer");
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
        default -> throw new UsageException("unknown option '" + option + "'");
      }
    }
    if (seed != null && seedsFrom != null) {
      throw new UsageException("--seed and --seeds cannot be combined: give one seed or one range");
    }
    if (checkDeterminism && seedsFrom != null) {
      throw new UsageException("--check-determinism runs one seed; use it with --seed, not --seeds");
    }
    if (traceFile != null && seedsFrom != null) {
      throw new UsageException("--trace writes one run's trace; use it with --seed, not --seeds");
    }
    return new CliOptions(
        seed == null ? DEFAULT_SEED : seed,
        seedsFrom == null ? 0 : seedsFrom,
        seedsTo == null ? 0 : seedsTo,
        seedsFrom != null,
        untilMs == null ? NO_UNTIL : untilMs,
        traceFile,
        format == null ? TraceFormat.TEXT : format,
        checkDeterminism,
        quiet,
        help);
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
