package dev.helios.examples.heartbeat;

import static dev.helios.junit.HeliosAssertions.assertDeterministic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.junit.SimulationTest;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.explore.ExplorationResult;
import org.junit.jupiter.api.Test;

/** The long-running example: a heartbeat failure detector that is complete under every explored crash. */
class HeartbeatsTest {
  @Test
  void aLongRunOfOverAHundredThousandTraceEvents() {
    Simulation sim = Heartbeats.build(3);
    sim.run();
    assertTrue(sim.traceSize() > 100_000, "trace events: " + sim.traceSize());
    assertTrue(sim.nowMicros() > 15_950_000 && sim.nowMicros() <= 16_000_000, "it runs to its 16 s horizon: " + sim.nowMicros());
  }

  /** Three runs of about 100,000 events each: the long run replays exactly, and so does a fork of it. */
  @SimulationTest(seeds = "0..1")
  void sameSeedSameTraceRunTwiceOrForked(long seed) {
    assertDeterministic(Heartbeats.class, seed);
  }

  @Test
  void aCrashedNodeIsSuspectedByEveryLiveMonitorAndNoScenarioBreaksThat() {
    Simulation sim = Heartbeats.build(1);
    sim.runUntilMs(500);
    sim.crash(2);
    sim.runUntilMs(600);
    for (int monitor : sim.nodeIds()) {
      if (monitor != 2) {
        assertTrue(sim.node(monitor, Monitor.class).suspects(2), "monitor " + monitor + " suspects the crashed node");
        assertFalse(sim.node(monitor, Monitor.class).suspects((monitor + 1) % 6 == 2 ? 3 : (monitor + 1) % 6),
            "monitor " + monitor + " trusts a live peer");
      }
    }
    ExplorationResult result = Heartbeats.scenarios(Heartbeats.build(1)).quiet().explore();
    assertEquals(4, result.scenarioCount());
    assertEquals(0, result.violationCount(), result.summary());
  }
}
