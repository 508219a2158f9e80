package dev.helios.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SimulationBuilderTest {
  private static void assertRejects(Class<? extends Throwable> type, String text, Executable call) {
    Throwable thrown = assertThrows(type, call);
    assertTrue(thrown.getMessage().contains(text), "message was: " + thrown.getMessage());
  }

  @Test
  void rejectsDuplicateAndOutOfRangeNodeIds() {
    assertRejects(IllegalArgumentException.class, "node id 1 is already used",
        () -> SimulationBuilder.create().echo(1).ping(1));
    assertRejects(IllegalArgumentException.class, "node id -1 is outside [0, 10000000]",
        () -> SimulationBuilder.create().echo(-1));
    assertRejects(IllegalArgumentException.class, "node id 10000001 is outside",
        () -> SimulationBuilder.create().echo(10_000_001));
  }

  @Test
  void rejectsFactoriesThatGiveNothingUsable() {
    assertRejects(IllegalArgumentException.class, "node 3: the factory returned null",
        () -> SimulationBuilder.create().node(3, () -> null));
    assertRejects(IllegalArgumentException.class, "java.lang.String has no generated companion: annotate it with @dev.helios.annotations.Node",
        () -> SimulationBuilder.create().node(3, () -> "not a node"));
  }

  @Test
  void rejectsRatiosOutsideZeroToOneAndNaN() {
    assertRejects(IllegalArgumentException.class, "loss ratio must be in [0, 1], got 1.5",
        () -> SimulationBuilder.create().lossRatio(1.5));
    assertRejects(IllegalArgumentException.class, "loss ratio must be in [0, 1], got NaN",
        () -> SimulationBuilder.create().lossRatio(Double.NaN));
    assertRejects(IllegalArgumentException.class, "duplication ratio must be in [0, 1], got -0.1",
        () -> SimulationBuilder.create().duplicationRatio(-0.1));
    assertRejects(IllegalArgumentException.class, "loss ratio must be in [0, 1], got 2.0",
        () -> SimulationBuilder.create().lossyNetwork(10, 2, 2.0, 1));
    assertRejects(IllegalArgumentException.class, "loss ratio of link 0 -> 1 must be in [0, 1]",
        () -> SimulationBuilder.create().linkLossRatio(0, 1, Double.POSITIVE_INFINITY));
  }

  @Test
  void rejectsNegativeTimesAndLatencies() {
    assertRejects(IllegalArgumentException.class, "latency must be zero or more, got -10 ms",
        () -> SimulationBuilder.create().latencyMs(-10));
    assertRejects(IllegalArgumentException.class, "jitter must be zero or more, got -1 ms",
        () -> SimulationBuilder.create().lossyNetwork(10, -1, 0.1, 1));
    assertRejects(IllegalArgumentException.class, "send time must be zero or more, got -5 ms",
        () -> SimulationBuilder.create().send(0, 1, "x", -5));
    assertRejects(IllegalArgumentException.class, "horizon must be zero or more",
        () -> SimulationBuilder.create().horizonMs(-1));
    assertRejects(IllegalArgumentException.class, "eventsMax must be positive, got 0",
        () -> SimulationBuilder.create().eventsMax(0));
    assertRejects(IllegalArgumentException.class, "too large to count in microseconds",
        () -> SimulationBuilder.create().latencyMs(Long.MAX_VALUE));
  }

  @Test
  void rejectsOnceOnlySettingsGivenTwice() {
    assertRejects(IllegalStateException.class, "seed is already set (to 1); set it once",
        () -> SimulationBuilder.create().seed(1).seed(2));
    assertRejects(IllegalStateException.class, "seed is already set",
        () -> SimulationBuilder.create().seed(1).lossyNetwork(10, 2, 0.1, 42));
    assertRejects(IllegalStateException.class, "latency is already set",
        () -> SimulationBuilder.create().latencyMs(1).latencyMs(2));
    assertRejects(IllegalStateException.class, "loss ratio is already set",
        () -> SimulationBuilder.create().lossRatio(0.1).lossRatio(0.2));
    assertRejects(IllegalStateException.class, "eventsMax is already set",
        () -> SimulationBuilder.create().eventsMax(5).eventsMax(6));
    assertRejects(IllegalStateException.class, "recordTrace is already set",
        () -> SimulationBuilder.create().recordTrace(true).recordTrace(false));
    assertRejects(IllegalStateException.class, "latency of link 0 -> 1 is already set",
        () -> SimulationBuilder.create().linkLatencyMs(0, 1, 5, 0).linkLatencyMs(0, 1, 6, 0));
  }

  @Test
  void rejectsSendsAndLinksNamingMissingNodes() {
    assertRejects(IllegalStateException.class, "send 0 -> 5 at 100.000 ms names node 5, which does not exist; the nodes are [0, 1]",
        () -> SimulationBuilder.create().ping(0).echo(1).send(0, 5, "Hello", 100).build());
    assertRejects(IllegalStateException.class, "names node 4, which does not exist",
        () -> SimulationBuilder.create().ping(0).send(4, 0, "Hello", 100).build());
    assertRejects(IllegalStateException.class, "link 0 -> 3 names node 3, which does not exist",
        () -> SimulationBuilder.create().ping(0).linkLossRatio(0, 3, 0.5).build());
    assertRejects(IllegalArgumentException.class, "the payload is null",
        () -> SimulationBuilder.create().send(0, 1, null, 1));
  }

  @Test
  void buildsWithDefaultsWhenNothingIsSet() {
    Simulation sim = SimulationBuilder.create().ping(0).echo(1).send(0, 1, "x", 0).build();
    sim.run();
    assertEquals(SimulationBuilder.DEFAULT_SEED, sim.seed());
    // Default network: reliable, 1 ms each way.
    assertEquals(2_000, sim.now());
  }
}
