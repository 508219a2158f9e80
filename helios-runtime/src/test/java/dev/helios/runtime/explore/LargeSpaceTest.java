package dev.helios.runtime.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;
import dev.helios.runtime.nodes.Ping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A space of 2^20 scenarios runs to the end in a heap far smaller than its scenarios would need if
 * any were kept: a child JVM with a 32 MB heap explores it, no dedup, and keeps 100 violations.
 */
class LargeSpaceTest {
  private static final String HEAP = "-Xmx32m";

  /** The space: 20 latency changes before a greeting at 30 ms; each choice changes the state. */
  static ScenarioBuilder millionScenarios() {
    Simulation sim = SimulationBuilder.create().ping(0).echo(1).latencyMs(1).send(0, 1, "Hello", 30).build();
    ScenarioBuilder space = ScenarioBuilder.of(sim).quiet().dedup(false).violationsKept(100);
    for (int i = 0; i < 20; i++) {
      space.maybeLinkLatency(0, 1, 1 + i, 0, i);
    }
    return space.check("a reply by 45 ms", s -> s.node(0, Ping.class).repliesReceived() == 1 && s.nowMicros() <= 45_000);
  }

  /** Entry point of the child JVM: prints scenarios, scenarios run, violations and violations kept. */
  public static void main(String[] args) {
    ExplorationResult result = millionScenarios().explore();
    System.out.println(result.scenarioCount() + " " + result.scenariosRunCount() + " " + result.violationCount() + " " + result.violations().size());
  }

  @Test
  void aMillionScenariosRunToTheEndInASmallHeap() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(
            List.of(java, HEAP, "-cp", System.getProperty("java.class.path"), LargeSpaceTest.class.getName()))
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("the child JVM (" + HEAP + ") failed: " + output);
    }
    // Latency 15 ms or more on 0 -> 1 (the last latency choice taken is 14 or later) misses 45 ms:
    // that is every scenario whose highest taken choice index is 14 to 19.
    long violations = (1L << 20) - (1L << 14);
    assertEquals((1L << 20) + " " + (1L << 20) + " " + violations + " 100", output);
  }
}
