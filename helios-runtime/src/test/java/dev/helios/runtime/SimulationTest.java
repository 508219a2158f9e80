package dev.helios.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.runtime.nodes.Echo;
import dev.helios.runtime.nodes.Ping;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.helios.runtime.trace.TraceFormats;
import dev.helios.runtime.trace.TraceKind;
import dev.helios.runtime.trace.TraceEvent;

class SimulationTest {
  @Test
  void quickStartRunsToQuiescenceWithARepliesTrace() {
    Simulation sim = Scenarios.quickstart(42);
    RunResult result = sim.run();
    assertEquals(StopReason.QUIESCENT, result.stopReason());
    assertEquals(sim.eventCount(), result.eventCount());
    List<TraceEvent> trace = sim.trace();
    assertEquals(TraceKind.START, trace.get(0).kind());
    assertTrue(trace.stream().anyMatch(e -> e.kind() == TraceKind.SEND && e.from() == 0 && e.to() == 1
        && e.payload().equals("\"Hello\"") && e.timeMicros() == 100_000));
    long delivered = trace.stream().filter(e -> e.kind() == TraceKind.DELIVER && e.to() == 0).count();
    assertEquals(delivered, sim.node(0, Ping.class).repliesReceived());
  }

  @Test
  void sameSeedGivesTheSameTraceHash() {
    for (long seed = 0; seed < 50; seed++) {
      Simulation first = Scenarios.quickstart(seed);
      Simulation second = Scenarios.quickstart(seed);
      first.run();
      second.run();
      assertEquals(first.traceHash(), second.traceHash(), "seed=" + seed);
      assertEquals(first.trace(), second.trace(), "seed=" + seed);
    }
  }

  @Test
  void differentSeedsGiveDifferentTracesOnALossyNetwork() {
    java.util.Set<Long> hashes = new java.util.TreeSet<>();
    for (long seed = 0; seed < 50; seed++) {
      Simulation sim = Scenarios.quickstart(seed);
      sim.run();
      hashes.add(sim.traceHash());
    }
    assertEquals(50, hashes.size(), "50 seeds gave only " + hashes.size() + " distinct traces");
  }

  @Test
  void pingEchoCountsAreExactWithoutLoss() {
    SimulationBuilder builder = SimulationBuilder.create().ping(0).echo(1).echo(2).seed(5);
    for (int i = 0; i < 1000; i++) {
      builder.send(0, 1 + i % 2, "m" + i, i);
    }
    Simulation sim = builder.build();
    sim.run();
    assertEquals(1000, sim.node(0, Ping.class).repliesReceived());
    assertEquals(500, sim.node(1, Echo.class).echoed());
    assertEquals(500, sim.node(2, Echo.class).echoed());
    assertEquals(0, sim.trace().stream().filter(e -> e.kind() == TraceKind.DROP).count());
  }

  @Test
  void lossRatioDropsTenPercentOfAHundredThousandMessages() {
    long seed = 20261125;
    Simulation sim =
        SimulationBuilder.create()
            .node(0, () -> new TestNodes.Blaster(1, 100_000))
            .node(1, TestNodes.Sink::new)
            .lossRatio(0.1)
            .seed(seed)
            .recordTrace(false)
            .build();
    sim.run();
    long received = sim.node(1, TestNodes.Sink.class).received;
    double dropped = (100_000 - received) / 100_000.0;
    assertTrue(Math.abs(dropped - 0.1) <= 0.01, "dropped " + dropped + ", seed=" + seed);
  }

  @Test
  void duplicationDeliversSomeMessagesTwice() {
    Simulation sim =
        SimulationBuilder.create()
            .node(0, () -> new TestNodes.Blaster(1, 10_000))
            .node(1, TestNodes.Sink::new)
            .duplicationRatio(0.25)
            .seed(3)
            .build();
    sim.run();
    long duplicates = sim.trace().stream().filter(e -> e.kind() == TraceKind.DUPLICATE).count();
    assertEquals(10_000 + duplicates, sim.node(1, TestNodes.Sink.class).received);
    assertTrue(Math.abs(duplicates - 2_500) < 250, "duplicates " + duplicates + ", seed=3");
  }

  @Test
  void sameTimeEventsRunInInsertionOrder() {
    SimulationBuilder builder = SimulationBuilder.create().node(0, TestNodes.Sink::new).node(1, TestNodes.Sink::new);
    for (int i = 0; i < 100; i++) {
      builder.send(1, 0, "m" + i, 10);
    }
    Simulation sim = builder.build();
    sim.run();
    List<String> payloads = sim.node(0, TestNodes.Sink.class).payloads;
    for (int i = 0; i < 100; i++) {
      assertEquals("m" + i, payloads.get(i));
    }
  }

  @Test
  void perLinkLatencyOverridesTheDefault() {
    Simulation sim =
        SimulationBuilder.create()
            .node(0, TestNodes.Sink::new)
            .node(1, TestNodes.Sink::new)
            .node(2, TestNodes.Sink::new)
            .latencyMs(5)
            .linkLatency(0, 2, 50, 0)
            .send(0, 1, "fast", 0)
            .send(0, 2, "slow", 0)
            .build();
    sim.run();
    assertEquals(5_000, deliveryTime(sim, 1));
    assertEquals(50_000, deliveryTime(sim, 2));
  }

  @Test
  void jitterStaysWithinItsBoundAndReorders() {
    Simulation sim =
        SimulationBuilder.create()
            .node(0, () -> new TestNodes.Blaster(1, 2_000))
            .node(1, TestNodes.Sink::new)
            .latencyMs(10)
            .jitterMs(2)
            .seed(11)
            .build();
    sim.run();
    for (TraceEvent event : sim.trace()) {
      if (event.kind() == TraceKind.DELIVER) {
        assertTrue(event.timeMicros() >= 10_000 && event.timeMicros() <= 12_000, event.toText());
      }
    }
    List<String> payloads = sim.node(1, TestNodes.Sink.class).payloads;
    boolean reordered = false;
    for (int i = 1; i < payloads.size(); i++) {
      reordered |= Integer.parseInt(payloads.get(i).substring(1)) < Integer.parseInt(payloads.get(i - 1).substring(1));
    }
    assertTrue(reordered, "jitter should reorder some of 2000 messages, seed=11");
  }

  @Test
  void timersFireCancelAndAreTraced() {
    Simulation sim = SimulationBuilder.create().node(0, TestNodes.Canceller::new).build();
    sim.run();
    TestNodes.Canceller node = sim.node(0, TestNodes.Canceller.class);
    assertEquals(List.of("first@5000 from 0"), node.fired);
    assertTrue(node.cancelled);
    assertFalse(node.cancelledAgain);
    assertEquals(1, sim.trace().stream().filter(e -> e.kind() == TraceKind.TIMER_CANCEL).count());
    assertEquals(2, sim.trace().stream().filter(e -> e.kind() == TraceKind.TIMER_SET).count());
    assertEquals(1, sim.trace().stream().filter(e -> e.kind() == TraceKind.TIMER_FIRE).count());
  }

  @Test
  void eventBudgetStopsARunAndSaysSo() {
    Simulation sim = SimulationBuilder.create().node(0, TestNodes.Ticker::new).eventsMax(100).build();
    RunResult result = sim.run();
    assertEquals(StopReason.EVENT_BUDGET, result.stopReason());
    assertEquals(100, result.eventCount());
    assertTrue(result.summary().contains("event budget exhausted"), result.summary());
    assertFalse(sim.step());
  }

  @Test
  void timeHorizonStopsARunAndSaysSo() {
    Simulation sim = SimulationBuilder.create().node(0, TestNodes.Ticker::new).horizonMs(50).build();
    RunResult result = sim.run();
    assertEquals(StopReason.TIME_HORIZON, result.stopReason());
    assertEquals(50, sim.node(0, TestNodes.Ticker.class).ticks);
    assertTrue(sim.nowMicros() <= 50_000);
  }

  @Test
  void runUntilRunsUpToATimeAndAdvancesTheClock() {
    Simulation sim = SimulationBuilder.create().node(0, TestNodes.Ticker::new).build();
    RunResult result = sim.runUntilMicros(10_500);
    assertEquals(StopReason.UNTIL_REACHED, result.stopReason());
    assertEquals(10_500, sim.nowMicros());
    assertEquals(10, sim.node(0, TestNodes.Ticker.class).ticks);
    assertThrows(IllegalArgumentException.class, () -> sim.runUntilMicros(10));
  }

  @Test
  void stepRunsOneEventAtATime() {
    Simulation sim = Scenarios.quickstart(1);
    assertTrue(sim.step());
    assertEquals(1, sim.eventCount());
    while (sim.step()) {}
    Simulation whole = Scenarios.quickstart(1);
    whole.run();
    assertEquals(whole.traceHash(), sim.traceHash());
  }

  @Test
  void aThrowingHandlerStopsTheRunWithAReport() {
    Simulation sim =
        SimulationBuilder.create()
            .node(0, TestNodes.Thrower::new)
            .node(1, TestNodes.Sink::new)
            .seed(77)
            .send(1, 0, "fine", 1)
            .send(1, 0, "boom", 2)
            .build();
    SimulationFailedException failure = assertThrows(SimulationFailedException.class, sim::run);
    assertEquals(0, failure.node());
    assertEquals(3_000, failure.timeMicros());
    assertEquals(77, failure.seed());
    String report = failure.getMessage();
    assertTrue(report.contains("node 0 (Thrower) threw java.lang.IllegalStateException: boom at node 0"), report);
    assertTrue(report.contains("event: deliver 1 -> 0 \"boom\""), report);
    assertTrue(report.contains("time: 3.000 ms"), report);
    assertTrue(report.contains("seed: 77"), report);
    assertTrue(report.contains("got fine"), report);
    IllegalStateException again = assertThrows(IllegalStateException.class, sim::run);
    assertTrue(again.getMessage().contains("cannot run further"), again.getMessage());
  }

  @Test
  void aMessageWithoutAHandlerStopsTheRun() {
    Simulation sim =
        SimulationBuilder.create().node(0, TestNodes.Sink::new).node(1, TestNodes.Sink::new).send(1, 0, 2.5, 1).build();
    SimulationFailedException failure = assertThrows(SimulationFailedException.class, sim::run);
    assertTrue(failure.getMessage().contains("has no @OnMessage handler for java.lang.Double"), failure.getMessage());
  }

  @Test
  void sendingToAMissingNodeFailsTheHandler() {
    Simulation sim = SimulationBuilder.create().node(0, () -> new TestNodes.Blaster(9, 1)).build();
    SimulationFailedException failure = assertThrows(SimulationFailedException.class, sim::run);
    assertTrue(failure.getMessage().contains("node 0 sent to node 9, which does not exist"), failure.getMessage());
  }

  @Test
  void nodesHaveIndependentRandomStreams() {
    Simulation small = SimulationBuilder.create().node(0, TestNodes.Drawer::new).node(1, TestNodes.Drawer::new).seed(8).build();
    Simulation large =
        SimulationBuilder.create()
            .node(0, TestNodes.Drawer::new)
            .node(1, TestNodes.Drawer::new)
            .node(2, TestNodes.Drawer::new)
            .seed(8)
            .build();
    small.run();
    large.run();
    assertArrayEquals(small.node(1, TestNodes.Drawer.class).draws, large.node(1, TestNodes.Drawer.class).draws);
    assertNotEquals(large.node(1, TestNodes.Drawer.class).draws[0], large.node(2, TestNodes.Drawer.class).draws[0]);
  }

  @Test
  void recordPayloadsAreDigestedByValueWithoutToString() {
    java.util.function.Function<String, Long> hashOf = value -> {
      Simulation sim = SimulationBuilder.create()
          .node(0, () -> new GossipNode(2))
          .node(1, () -> new GossipNode(2))
          .send(0, 1, new GossipNode.Entry(5, 0, value), 1)
          .horizonMs(2)
          .build();
      sim.run();
      return sim.traceHash();
    };
    assertEquals(hashOf.apply("a"), hashOf.apply("a"));
    assertNotEquals(hashOf.apply("a"), hashOf.apply("b"));
  }

  @Test
  void recordingOffKeepsTheSameDigest() {
    Simulation recorded = Scenarios.quickstart(9);
    Simulation unrecorded =
        SimulationBuilder.create()
            .ping(0)
            .echo(1)
            .echo(2)
            .lossyNetwork(10, 2, 0.1, 9)
            .send(0, 1, "Hello", 100)
            .send(0, 2, "Hello", 100)
            .recordTrace(false)
            .build();
    recorded.run();
    unrecorded.run();
    assertEquals(recorded.traceHash(), unrecorded.traceHash());
    assertTrue(unrecorded.trace().isEmpty());
  }

  @Test
  void traceExportsAsJsonLinesAndText() {
    Simulation sim = Scenarios.quickstart(42);
    sim.run();
    String[] lines = TraceFormats.jsonLines(sim.trace()).split("\n");
    assertEquals(sim.trace().size(), lines.length);
    assertTrue(lines[3].startsWith("{\"timeMicros\":100000,\"kind\":\"send\",\"from\":0,\"to\":1,\"messageId\":0,\"payload\":\"\\\"Hello\\\"\""), lines[3]);
    assertTrue(TraceFormats.text(sim.trace()).contains("     100.000 ms  send         0 -> 1  #0  \"Hello\""), TraceFormats.text(sim.trace()));
    assertTrue(sim.summary().startsWith("events: " + sim.eventCount() + ", virtual time: "), sim.summary());
  }

  @Test
  void fingerprintAndDescribeReflectNodeState() {
    Simulation first = Scenarios.quickstart(42);
    Simulation second = Scenarios.quickstart(42);
    assertEquals(first.fingerprint(), second.fingerprint());
    first.run();
    assertNotEquals(first.fingerprint(), second.fingerprint());
    second.run();
    assertEquals(first.fingerprint(), second.fingerprint());
    assertEquals("{\"repliesReceived\":" + first.node(0, Ping.class).repliesReceived() + "}", first.describeNode(0));
  }

  @Test
  void nodeAccessorsCheckIdAndType() {
    Simulation sim = Scenarios.quickstart(1);
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> sim.node(7));
    assertTrue(missing.getMessage().contains("there is no node 7"), missing.getMessage());
    IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class, () -> sim.node(0, Echo.class));
    assertTrue(wrongType.getMessage().contains("is a dev.helios.runtime.nodes.Ping, not a dev.helios.runtime.nodes.Echo"));
  }

  private static long deliveryTime(Simulation sim, int to) {
    return sim.trace().stream()
        .filter(e -> e.kind() == TraceKind.DELIVER && e.to() == to)
        .findFirst()
        .orElseThrow()
        .timeMicros();
  }
}
