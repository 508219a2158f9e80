package dev.helios.examples;

import static dev.helios.junit.HeliosAssertions.assertDeterministic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.junit.SimulationTest;
import dev.helios.runtime.RunResult;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.StopReason;
import dev.helios.runtime.explore.ExplorationResult;
import dev.helios.runtime.explore.Violation;
import dev.helios.runtime.trace.TraceKind;
import dev.helios.runtime.nodes.Ping;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickstartTest {
  @SimulationTest(seeds = "0..19", simulation = Quickstart.class)
  void theQuickStartRunsToQuiescenceAndPingCountsEveryReplyThatWasNotLost(Simulation sim) {
    RunResult result = sim.run();
    assertEquals(StopReason.QUIESCENT, result.stopReason());
    long drops = sim.trace().stream().filter(e -> e.kind() == TraceKind.DROP).count();
    // Two requests, each answered unless the request or the reply is lost.
    long replies = sim.node(0, Ping.class).repliesReceived();
    assertTrue(replies + drops == 2 || (replies < 2 && drops > 0), replies + " replies, " + drops + " drops");
    assertEquals(replies, sim.trace().stream().filter(e -> e.kind() == TraceKind.DELIVER && e.to() == 0).count());
  }

  @SimulationTest(seeds = "0..9")
  void sameSeedSameTraceRunTwiceOrForked(long seed) {
    assertDeterministic(Quickstart.class, seed);
  }

  @Test
  void theSeedsExplorationFindsTheThreeScenariosThatLoseAReply() {
    Simulation sim = Quickstart.build(42);
    sim.run();
    ExplorationResult result = Quickstart.scenarios(sim).quiet().explore();
    assertEquals(4, result.scenarioCount());
    assertEquals(3, result.violationCount(), result.summary());
    // Without faults both replies arrive; the crash or the partition each loses one.
    assertEquals(
        List.of("crash 1 @ 50ms", "partition 0-2 @ 20ms", "partition 0-2 @ 20ms; crash 1 @ 50ms"),
        result.violations().stream().map(Violation::faultText).toList());
    Violation shrunk = result.violations().get(2).shrink();
    assertEquals(1, shrunk.faults().size(), shrunk.toString());
  }

  @Test
  void theDemoPrintsATraceAndASummaryLine() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      QuickstartMain.main(new String[0]); // the generated main; exits only on failure
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    assertTrue(output.contains("     100.000 ms  send         0 -> 1  #0  \"Hello\""), output);
    assertTrue(output.contains("deliver      0 -> 1  #0  \"Hello\""), output);
    String[] lines = output.trim().split("\n");
    assertTrue(lines[lines.length - 1].matches("seed: 42, events: \\d+, virtual time: [0-9.]+ ms, wall time: \\d+ ms, trace hash: [0-9a-f]{16}"),
        lines[lines.length - 1]);
  }
}
