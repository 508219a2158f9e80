package dev.helios.runtime.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress line: what it says, how often it is rewritten, and that it ends with a newline. */
class TerminalProgressTest {
  @Test
  void theLineShowsDoneOfTotalRateTimeLeftAndViolationsAtMostFourTimesASecond() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long[] nanos = {1_000_000_000L};
    TerminalProgress progress = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 4096, () -> nanos[0]);
    nanos[0] += 100_000_000L;
    progress.scenariosDone(100, 0); // a tenth of a second: too soon to print
    assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    nanos[0] += 900_000_000L;
    progress.scenariosDone(924, 3); // one second in: 1,024 done
    assertEquals("\rexplore: 1,024/4,096 scenarios (25%), 1,024/s, 3 s left, 3 violations   ", bytes.toString(StandardCharsets.UTF_8));
    progress.finish();
    assertEquals("\rexplore: 1,024/4,096 scenarios (25%), 1,024/s, 3 s left, 3 violations   "
        + "\rexplore: 1,024/4,096 scenarios (25%), 1,024/s, 3 s left, 3 violations   \n", bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void numbersAreGroupedByThousands() {
    assertEquals("0", TerminalProgress.grouped(0));
    assertEquals("999", TerminalProgress.grouped(999));
    assertEquals("1,000", TerminalProgress.grouped(1000));
    assertEquals("1,048,576", TerminalProgress.grouped(1L << 20));
    assertEquals("-12,345", TerminalProgress.grouped(-12345));
  }

  @Test
  void aShortExplorationPrintsNothing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TerminalProgress progress = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 4, () -> 0L);
    progress.scenariosDone(4, 1);
    progress.finish();
    assertEquals("", bytes.toString(StandardCharsets.UTF_8));
  }
}
