package dev.helios.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.runtime.fault.Fault;
import dev.helios.runtime.trace.DropReason;
import dev.helios.runtime.trace.TraceEvent;
import dev.helios.runtime.trace.TraceKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each fault does to a running simulation, and how the trace shows it. */
class FaultTest {
  private static long drops(Simulation sim, DropReason reason) {
    return sim.trace().stream().filter(e -> e.dropReason() == reason).count();
  }

  /** The faults in the trace, as the fault language writes them. */
  private static List<String> faults(Simulation sim) {
    return sim.trace().stream().filter(e -> e.kind() == TraceKind.FAULT).map(e -> e.fault().toString()).toList();
  }

  @Test
  void aCrashedNodeHandlesNothingItsTimersDieAndMessagesToItAreDropped() {
    Simulation sim =
        SimulationBuilder.create()
            .node(0, TestNodes.Ticker::new)
            .node(1, TestNodes.Sink::new)
            .build();
    sim.runUntilMicros(5_500);
    assertEquals(5, sim.node(0, TestNodes.Ticker.class).ticks);
    sim.crash(0);
    assertTrue(sim.isCrashed(0));
    sim.runUntilMicros(50_000);
    assertEquals(5, sim.node(0, TestNodes.Ticker.class).ticks, "a crashed node's timers must die");
    assertEquals(List.of("crash 0"), faults(sim));
    // A message sent to the crashed node is dropped on arrival and traced as such.
    Simulation second =
        SimulationBuilder.create()
            .node(0, TestNodes.Sink::new)
            .node(1, TestNodes.Sink::new)
            .send(1, 0, "lost", 10)
            .crash(0, 5)
            .build();
    second.run();
    assertEquals(0, second.node(0, TestNodes.Sink.class).received);
    assertEquals(1, drops(second, DropReason.RECEIVER_CRASHED));
  }

  @Test
  void canApplySaysWhetherACrashOrRestartWouldBeRefused() {
    Simulation sim = SimulationBuilder.create().ping(0).echo(1).build();
    assertTrue(sim.canApply(new Fault.Crash(1)));
    assertEquals(false, sim.canApply(new Fault.Restart(1)));
    sim.crash(1);
    assertEquals(false, sim.canApply(new Fault.Crash(1)));
    assertTrue(sim.canApply(new Fault.Restart(1)));
    assertTrue(sim.canApply(new Fault.Partition(0, 1)));
    assertThrows(RuntimeException.class, () -> sim.crash(1), "apply refuses what canApply says cannot apply");
  }

  @Test
  void aCrashedNodeSendsNothing() {
    Simulation sim =
        SimulationBuilder.create()
            .node(0, TestNodes.Sink::new)
            .node(1, TestNodes.Sink::new)
            .crash(1, 1)
            .send(1, 0, "from the dead", 2)
            .build();
    sim.run();
    assertEquals(0, sim.node(0, TestNodes.Sink.class).received);
    assertEquals(1, drops(sim, DropReason.SENDER_CRASHED));
  }

  @Test
  void restartMakesAFreshInstanceKeepsDurableFieldsAndRunsOnStartAgain() {
    Simulation sim =
        SimulationBuilder.create().node(0, () -> new GossipNode(3)).node(1, () -> new GossipNode(3))
            .node(2, () -> new GossipNode(3)).seed(4).build();
    sim.runUntilMicros(200_000);
    GossipNode before = sim.node(1, GossipNode.class);
    assertTrue(before.received > 0, "seed=4");
    assertEquals(1, before.incarnation);
    sim.crash(1);
    sim.restart(1);
    GossipNode after = sim.node(1, GossipNode.class);
    assertTrue(after != before);
    assertEquals(2, after.incarnation, "@Durable incarnation is carried over, then @OnStart increments it");
    assertEquals(0, after.received, "non-durable state starts afresh");
    assertTrue(after.log.isEmpty());
    List<TraceEvent> trace = sim.trace();
    assertEquals(new Fault.Restart(1), trace.get(trace.size() - 3).fault(), "the restart is traced before its start");
    assertEquals(TraceKind.START, trace.get(trace.size() - 2).kind());
    assertEquals(TraceKind.TIMER_SET, trace.get(trace.size() - 1).kind());
    sim.runUntilMicros(400_000);
    assertTrue(sim.node(1, GossipNode.class).received > 0, "the restarted node takes part again, seed=4");
  }

  @Test
  void restartingALiveNodeOrCrashingACrashedOneIsAnError() {
    Simulation sim = SimulationBuilder.create().node(0, TestNodes.Sink::new).build();
    IllegalStateException live = assertThrows(IllegalStateException.class, () -> sim.restart(0));
    assertTrue(live.getMessage().contains("cannot restart node 0 at 0.000 ms: it is running; crash it first"), live.getMessage());
    sim.crash(0);
    IllegalStateException twice = assertThrows(IllegalStateException.class, () -> sim.crash(0));
    assertTrue(twice.getMessage().contains("cannot crash node 0 at 0.000 ms: it is already crashed"), twice.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> sim.crash(3));
    assertTrue(missing.getMessage().contains("fault \"crash 3\" at 0.000 ms names node 3, which does not exist; the nodes are [0]"),
        missing.getMessage());
  }

  @Test
  void partitionsDropLaterSendsBothWaysOrOneWayAndHealingRestoresThem() {
    Simulation sim =
        SimulationBuilder.create()
            .node(0, TestNodes.Sink::new)
            .node(1, TestNodes.Sink::new)
            .send(0, 1, "in flight", 0) // sent before the partition: delivered
            .partition(0, 1, 0)
            .send(0, 1, "a", 1)
            .send(1, 0, "b", 1)
            .heal(0, 1, 2)
            .send(0, 1, "c", 3)
            .partitionOneWay(0, 1, 4)
            .send(0, 1, "d", 5)
            .send(1, 0, "e", 5)
            .build();
    sim.run();
    assertEquals(List.of("in flight", "c"), sim.node(1, TestNodes.Sink.class).payloads);
    assertEquals(List.of("e"), sim.node(0, TestNodes.Sink.class).payloads);
    assertEquals(3, drops(sim, DropReason.PARTITIONED));
    assertEquals(List.of("partition 0-1", "heal 0-1", "partition 0->1"), faults(sim));
  }

  @Test
  void isolateCutsANodeOffAndHealAllEndsIt() {
    Simulation sim =
        SimulationBuilder.create()
            .node(0, TestNodes.Sink::new)
            .node(1, TestNodes.Sink::new)
            .node(2, TestNodes.Sink::new)
            .build();
    sim.isolate(2);
    sim.runUntilMicros(1);
    sim.healAll();
    assertEquals(List.of("isolate 2", "heal-all"), faults(sim));
    Simulation scheduled =
        SimulationBuilder.create()
            .node(0, TestNodes.Sink::new)
            .node(1, TestNodes.Sink::new)
            .node(2, TestNodes.Sink::new)
            .isolate(2, 0)
            .send(0, 2, "x", 1)
            .send(2, 1, "y", 1)
            .send(0, 1, "z", 1)
            .healAll(2)
            .send(0, 2, "w", 3)
            .build();
    scheduled.run();
    assertEquals(List.of("w"), scheduled.node(2, TestNodes.Sink.class).payloads);
    assertEquals(List.of("z"), scheduled.node(1, TestNodes.Sink.class).payloads);
  }

  @Test
  void linkSettingsChangeMidRun() {
    Simulation sim =
        SimulationBuilder.create()
            .node(0, TestNodes.Sink::new)
            .node(1, TestNodes.Sink::new)
            .send(0, 1, "slow later", 20)
            .linkLatency(0, 1, 7, 0, 10)
            .send(0, 1, "fast first", 0)
            .build();
    sim.run();
    List<Long> deliveries = sim.trace().stream().filter(e -> e.kind() == TraceKind.DELIVER).map(TraceEvent::timeMicros).toList();
    assertEquals(List.of(1_000L, 27_000L), deliveries);
    sim.linkLossRatio(0, 1, 1.0);
    sim.apply("latency 0->1 2ms jitter 500us");
    assertEquals(List.of("latency 0->1 7ms", "loss 0->1 1.0", "latency 0->1 2ms jitter 500us"), faults(sim));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> sim.linkDuplicationRatio(0, 1, 3));
    assertTrue(bad.getMessage().contains("3.0"), bad.getMessage());
  }

  @Test
  void scheduledFaultsNamingMissingNodesAreRejectedAtBuild() {
    IllegalStateException error =
        assertThrows(IllegalStateException.class, () -> SimulationBuilder.create().ping(0).crash(4, 10).build());
    assertTrue(error.getMessage().contains("fault \"crash 4 @ 10ms\" names node 4, which does not exist; the nodes are [0]"),
        error.getMessage());
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> SimulationBuilder.create().ping(0).partition(0, 1, -1));
    assertTrue(negative.getMessage().contains("time of partition 0-1 must be zero or more, got -1 ms"), negative.getMessage());
    IllegalArgumentException self =
        assertThrows(IllegalArgumentException.class, () -> SimulationBuilder.create().ping(0).partition(0, 0, 5));
    assertTrue(self.getMessage().contains("a node cannot be partitioned from itself"), self.getMessage());
  }

  @Test
  void aScriptOfFaultsRunsAsTheBuilderMethodsDo() {
    Simulation scripted = SimulationBuilder.create().node(0, TestNodes.Sink::new).node(1, TestNodes.Sink::new)
        .faults("partition 0-1 @ 1ms; heal 0-1 @ 2ms\ncrash 1 @ 3ms # and back\nrestart 1 @ 4ms")
        .send(0, 1, "x", 1).send(0, 1, "y", 3).send(0, 1, "z", 5).build();
    Simulation called = SimulationBuilder.create().node(0, TestNodes.Sink::new).node(1, TestNodes.Sink::new)
        .partition(0, 1, 1).heal(0, 1, 2).crash(1, 3).restart(1, 4)
        .send(0, 1, "x", 1).send(0, 1, "y", 3).send(0, 1, "z", 5).build();
    scripted.run();
    called.run();
    assertEquals(called.traceHash(), scripted.traceHash());
    assertEquals(List.of("y", "z"), scripted.node(1, TestNodes.Sink.class).payloads, "y arrives at 4 ms, after the restart");
    assertEquals(List.of("partition 0-1", "heal 0-1", "crash 1", "restart 1"), faults(scripted));
  }

  @Test
  void everyFaultChangesTheTraceHash() {
    Simulation plain = SimulationBuilder.create().node(0, TestNodes.Sink::new).node(1, TestNodes.Sink::new).build();
    long base = plain.traceHash();
    for (java.util.function.Consumer<Simulation> fault : List.<java.util.function.Consumer<Simulation>>of(
        s -> s.crash(0), s -> s.partition(0, 1), s -> s.partitionOneWay(0, 1), s -> s.heal(0, 1),
        s -> s.isolate(1), Simulation::healAll, s -> s.linkLatency(0, 1, 5, 0), s -> s.linkLossRatio(0, 1, 0.5),
        s -> s.linkDuplicationRatio(0, 1, 0.5))) {
      Simulation sim = SimulationBuilder.create().node(0, TestNodes.Sink::new).node(1, TestNodes.Sink::new).build();
      fault.accept(sim);
      assertNotEquals(base, sim.traceHash());
    }
  }
}
