package dev.helios.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.runtime.fault.Fault;
import dev.helios.runtime.trace.DropReason;
import dev.helios.runtime.trace.TraceEvent;
import dev.helios.runtime.trace.TraceKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trace as a stream: listeners see each event as it is recorded, and reads from an index cost what they return. */
class TraceStreamTest {
  private static SimulationBuilder gossip(long seed, boolean recording) {
    return SimulationBuilder.create()
        .node(0, () -> new GossipNode(4)).node(1, () -> new GossipNode(4))
        .node(2, () -> new GossipNode(4)).node(3, () -> new GossipNode(4))
        .lossyNetwork(2, 1, 0.2, seed).duplicationRatio(0.1)
        .crash(2, 30).restart(2, 60).partition(0, 1, 40).heal(0, 1, 80)
        .horizonMs(150).recordTrace(recording);
  }

  @Test
  void aListenerSeesEveryEventAsItIsRecordedInOrder() {
    long seed = 5;
    Simulation sim = gossip(seed, true).build();
    List<TraceEvent> seen = new ArrayList<>();
    List<Integer> sizeWhenSeen = new ArrayList<>();
    sim.addTraceListener(event -> {
      seen.add(event);
      sizeWhenSeen.add(sim.traceSize());
    });
    sim.run();
    assertEquals(sim.trace(), seen, "seed=" + seed);
    for (int i = 0; i < sizeWhenSeen.size(); i++) {
      assertEquals(i + 1, sizeWhenSeen.get(i), "event " + i + " was recorded before the listener saw it, seed=" + seed);
    }
    assertTrue(seen.stream().anyMatch(e -> e.dropReason() == DropReason.LOST), "seed=" + seed);
    assertTrue(seen.stream().anyMatch(e -> e.dropReason() == DropReason.PARTITIONED), "seed=" + seed);
    assertTrue(seen.stream().anyMatch(e -> new Fault.Crash(2).equals(e.fault())), "seed=" + seed);
  }

  @Test
  void aListenerWorksWithRecordingOffAndLeavesTheHashAlone() {
    long seed = 6;
    Simulation recorded = gossip(seed, true).build();
    recorded.run();
    Simulation unrecorded = gossip(seed, false).build();
    List<TraceEvent> seen = new ArrayList<>();
    unrecorded.addTraceListener(seen::add);
    unrecorded.run();
    assertEquals(recorded.trace(), seen, "seed=" + seed);
    assertEquals(0, unrecorded.traceSize());
    assertEquals(recorded.traceHash(), unrecorded.traceHash(), "seed=" + seed);
  }

  @Test
  void listenersAreRemovedAndAreNotCopiedToForks() {
    Simulation sim = gossip(7, true).build();
    List<TraceEvent> first = new ArrayList<>();
    List<TraceEvent> second = new ArrayList<>();
    sim.addTraceListener(first::add);
    sim.addTraceListener(second::add);
    sim.runUntilMs(20);
    Simulation fork = sim.fork();
    int before = first.size();
    fork.run();
    assertEquals(before, first.size(), "a fork's events reach no listener of the original");
    assertFalse(sim.removeTraceListener(first::add), "a new lambda is not the attached listener");
    sim.run();
    assertEquals(sim.trace(), second);
  }

  @Test
  void aRemovedListenerHearsNoMore() {
    Simulation sim = gossip(8, true).build();
    List<TraceEvent> seen = new ArrayList<>();
    dev.helios.runtime.trace.TraceListener listener = seen::add;
    sim.addTraceListener(listener);
    sim.runUntilMs(20);
    assertTrue(sim.removeTraceListener(listener));
    assertFalse(sim.removeTraceListener(listener), "already removed");
    int heard = seen.size();
    sim.run();
    assertEquals(heard, seen.size());
    assertEquals(sim.trace().subList(0, heard), seen);
  }

  @Test
  void readingFromAnIndexReturnsTheTailAcrossForks() {
    Simulation sim = gossip(9, true).build();
    List<TraceEvent> read = new ArrayList<>();
    int index = 0;
    int forks = 0;
    while (sim.step()) {
      List<TraceEvent> fresh = sim.traceFrom(index);
      assertEquals(sim.traceSize() - index, fresh.size());
      read.addAll(fresh);
      index = sim.traceSize();
      if (sim.eventCount() % 17 == 0) {
        sim = sim.fork(); // the trace so far becomes a shared segment; reads go on across it
        forks++;
      }
    }
    assertTrue(forks > 3, "the scenario should fork several times, forks=" + forks);
    assertEquals(sim.trace(), read);
    for (int from = 0; from <= sim.traceSize(); from += 7) {
      assertEquals(sim.trace().subList(from, sim.traceSize()), sim.traceFrom(from), "from " + from);
    }
    Simulation finished = sim;
    IndexOutOfBoundsException tooFar = assertThrows(IndexOutOfBoundsException.class, () -> finished.traceFrom(finished.traceSize() + 1));
    assertTrue(tooFar.getMessage().contains("but the trace has " + finished.traceSize() + " events"), tooFar.getMessage());
    assertThrows(IndexOutOfBoundsException.class, () -> finished.traceFrom(-1));
  }

  @Test
  void eventsCarryTypedDetailsOnlyWhereTheyBelong() {
    Simulation sim = gossip(10, true).build();
    sim.run();
    for (TraceEvent event : sim.trace()) {
      assertEquals(event.kind() == TraceKind.DROP, event.dropReason() != null, event.toText());
      assertEquals(event.kind() == TraceKind.FAULT, event.fault() != null, event.toText());
      assertEquals(event.kind() == TraceKind.LOG, event.logLine() != null, event.toText());
    }
    IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
        () -> new TraceEvent(0, TraceKind.SEND, 0, 1, 0, "x", DropReason.LOST, null, null));
    assertTrue(mixed.getMessage().contains("a drop reason goes with a drop event and only there, got SEND"), mixed.getMessage());
  }
}
