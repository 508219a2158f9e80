package dev.helios.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import dev.helios.runtime.trace.TraceFormats;

/** The same seed gives the same trace hash in a separate JVM process. */
class CrossProcessDeterminismTest {
  /** Entry point of the child JVM: prints the quick start's trace hash for the seed in args[0]. */
  public static void main(String[] args) {
    Simulation sim = Scenarios.quickstart(Long.parseLong(args[0]));
    sim.run();
    System.out.println(TraceFormats.hex(sim.traceHash()));
  }

  @Test
  void twoProcessesAgreeOnTheTraceHash() throws IOException, InterruptedException {
    for (long seed : new long[] {42, 7}) {
      Simulation here = Scenarios.quickstart(seed);
      here.run();
      assertEquals(TraceFormats.hex(here.traceHash()), runChild(seed), "seed=" + seed);
    }
  }

  private static String runChild(long seed) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(java, "-cp", System.getProperty("java.class.path"),
                    CrossProcessDeterminismTest.class.getName(), Long.toString(seed)))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("child JVM failed for seed=" + seed + ": " + output);
    }
    return output;
  }
}
