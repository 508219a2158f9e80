package dev.helios.runtime.explore;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A progress line on stderr, rewritten in place at most four times a second: scenarios done of the
 * total, the rate, the time left and the violations so far. It reads the wall clock, for the line
 * only; no simulation sees it.
 */
final class TerminalProgress implements Progress {
  private static final long INTERVAL_NANOS = 250_000_000L;

  private final PrintStream err;
  private final long total;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong violations = new AtomicLong();
  private final AtomicLong lastPrintNanos;

  TerminalProgress(PrintStream err, long total, LongSupplier nanoClock) {
    this.err = err;
    this.total = total;
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
    this.lastPrintNanos = new AtomicLong(startNanos);
  }

  /** A progress line on stderr if the process runs in a terminal ({@link System#console()}), else nothing. */
  static Progress forTerminal(long total) {
    return System.console() == null ? Progress.NONE : new TerminalProgress(System.err, total, System::nanoTime);
  }

  @Override
  public void scenariosDone(long scenarios, long failed) {
    long doneNow = done.addAndGet(scenarios);
    violations.addAndGet(failed);
    long now = nanoClock.getAsLong();
    long last = lastPrintNanos.get();
    if (now - last >= INTERVAL_NANOS && lastPrintNanos.compareAndSet(last, now)) {
      err.print("\r" + line(doneNow, now) + "   ");
      err.flush();
    }
  }

  /** Ends the line, if one was printed. */
  void finish() {
    if (lastPrintNanos.get() != startNanos) {
      err.print("\r" + line(done.get(), nanoClock.getAsLong()) + "   \n");
      err.flush();
    }
  }

  private String line(long doneNow, long now) {
    double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
    double rate = doneNow / seconds;
    long left = rate <= 0 ? 0 : (long) ((total - doneNow) / rate);
    return "explore: " + grouped(doneNow) + "/" + grouped(total) + " scenarios (" + (total == 0 ? 100 : doneNow * 100 / total)
        + "%), " + grouped((long) rate) + "/s, " + left + " s left, " + grouped(violations.get()) + " violations";
  }

  /** {@code 1048576} as {@code 1,048,576}, whatever the locale. */
  static String grouped(long value) {
    String digits = Long.toString(value);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < digits.length(); i++) {
      int left = digits.length() - i;
      if (i > 0 && left % 3 == 0 && digits.charAt(i - 1) != '-') {
        out.append(',');
      }
      out.append(digits.charAt(i));
    }
    return out.toString();
  }
}
