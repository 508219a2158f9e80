package dev.helios.bench.pingpong;

import dev.helios.runtime.RunResult;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;
import dev.helios.runtime.StopReason;

/**
 * Ping-pong through the real kernel: {@link TokenNode}s, the network with latency and jitter, the
 * trace digest on and recording off.
 */
public final class HeliosPingPong {
  private HeliosPingPong() {}

  /** A ready simulation of {@code nodeCount} token nodes that stops after {@code deliveryCount} deliveries. */
  public static Simulation build(int nodeCount, long deliveryCount, TokenKind tokenKind) {
    SimulationBuilder builder =
        SimulationBuilder.create()
            .seed(PingPong.SEED)
            .latencyMicros(PingPong.LATENCY_MICROS)
            .jitterMicros(PingPong.JITTER_MICROS)
            .recordTrace(false)
            // One START event per node comes first, then only deliveries.
            .eventsMax(nodeCount + deliveryCount);
    for (int id = 0; id < nodeCount; id++) {
      builder.node(id, () -> new TokenNode(nodeCount, tokenKind));
    }
    return builder.build();
  }

  /** Runs {@code sim} (from {@link #build}) to its event budget and sums what the nodes counted. */
  public static PingPong.Outcome finish(Simulation sim, int nodeCount) {
    RunResult result = sim.run();
    if (result.stopReason() != StopReason.EVENT_BUDGET) {
      throw new IllegalStateException("expected to stop on the event budget: " + result.summary());
    }
    long[] receivedCounts = new long[nodeCount];
    long checksum = 0;
    long deliveries = 0;
    for (int id = 0; id < nodeCount; id++) {
      TokenNode node = sim.node(id, TokenNode.class);
      receivedCounts[id] = node.receivedCount;
      checksum += node.checksum;
      deliveries += node.receivedCount;
    }
    return new PingPong.Outcome(deliveries, checksum, PingPong.Outcome.digestOf(receivedCounts));
  }

  /** Builds and runs one ping-pong. */
  public static PingPong.Outcome run(int nodeCount, long deliveryCount, TokenKind tokenKind) {
    return finish(build(nodeCount, deliveryCount, tokenKind), nodeCount);
  }
}
