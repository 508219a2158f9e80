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
        () -> SimulationBuilder.create().node(3, () -> null).build());
    assertRejects(IllegalArgumentException.class, "java.lang.String has no generated companion: annotate it with @dev.helios.annotations.Node",
        () -> SimulationBuilder.create().node(3, () -> "not a node").build());
    assertRejects(IllegalArgumentException.class, "node 3: the factory is null",
        () -> SimulationBuilder.create().node(3, null));
  }

  @Test
  void buildCallsEachFactoryOnceForTheNodeThatRuns() {
    int[] calls = {0};
    SimulationBuilder builder = SimulationBuilder.create().node(0, () -> {
      calls[0]++;
      return new TestNodes.Sink();
    });
    assertEquals(0, calls[0], "adding a node makes none");
    Simulation sim = builder.build();
    assertEquals(1, calls[0], "building makes each node once");
    Simulation fork = sim.fork();
    assertEquals(1, calls[0], "a fork copies a node only when one side first touches it");
    fork.node(0);
    assertEquals(2, calls[0], "the fork's first touch makes a fresh node to copy into");
    sim.node(0);
    assertEquals(3, calls[0], "so does the original's: both had shared the node");
    fork.node(0);
    sim.node(0);
    assertEquals(3, calls[0], "each side copies a node once");
  }

  @Test
  void aSimulationWithoutNodesIsRefused() {
    assertRejects(IllegalStateException.class, "a simulation needs at least one node; add one with node(id, factory)",
        () -> SimulationBuilder.create().seed(3).build());
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
    assertRejects(IllegalArgumentException.class,
        "latency of 9223372036854775807 ms is too large: times are counted in microseconds, up to 9223372036854775 ms",
        () -> SimulationBuilder.create().latencyMs(Long.MAX_VALUE));
  }

  @Test
  void rejectsOnceOnlySettingsGivenTwice() {
    assertRejects(IllegalStateException.class, "the seed is already set to 1 by seed(1), so it cannot become 2; a simulation"
            + " has one seed, from which every random stream derives: set it in one place",
        () -> SimulationBuilder.create().seed(1).seed(2));
    assertRejects(IllegalStateException.class, "the seed is already set to 42 by lossyNetwork(10, 2, 0.1, 42), so it cannot become 7",
        () -> SimulationBuilder.create().lossyNetwork(10, 2, 0.1, 42).seed(7));
    assertRejects(IllegalStateException.class, "latency is already set",
        () -> SimulationBuilder.create().latencyMs(1).latencyMs(2));
    assertRejects(IllegalStateException.class, "loss ratio is already set",
        () -> SimulationBuilder.create().lossRatio(0.1).lossRatio(0.2));
    assertRejects(IllegalStateException.class, "eventsMax is already set",
        () -> SimulationBuilder.create().eventsMax(5).eventsMax(6));
    assertRejects(IllegalStateException.class, "recordTrace is already set",
        () -> SimulationBuilder.create().recordTrace(true).recordTrace(false));
    assertRejects(IllegalStateException.class, "latency of link 0 -> 1 is already set",
        () -> SimulationBuilder.create().linkLatency(0, 1, 5, 0).linkLatency(0, 1, 6, 0));
  }

  @Test
  void aRefusedLossyNetworkLeavesTheBuilderAsItWas() {
    SimulationBuilder builder = SimulationBuilder.create().ping(0).seed(1);
    assertRejects(IllegalStateException.class, "the seed is already set to 1 by seed(1)",
        () -> builder.lossyNetwork(10, 2, 0.1, 42));
    // Nothing of the refused call stayed: the network settings can still be given, once.
    Simulation sim = builder.latencyMs(3).jitterMs(0).lossRatio(0.0).echo(1).send(0, 1, "x", 0).build();
    sim.run();
    assertEquals(6_000, sim.nowMicros(), "3 ms each way");
    assertEquals(1, sim.seed());
  }

  @Test
  void rejectsSendsAndLinksNamingMissingNodes() {
    assertRejects(IllegalStateException.class, "send 0 -> 5 at 100 ms names node 5, which does not exist; the nodes are [0, 1]",
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
    assertEquals(2_000, sim.nowMicros());
  }
}
