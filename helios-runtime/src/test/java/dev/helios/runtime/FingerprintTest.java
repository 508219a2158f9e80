package dev.helios.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.annotations.Copyable;
import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import dev.helios.runtime.fault.Fault;
import dev.helios.runtime.internal.NodeCompanions;
import dev.helios.runtime.trace.TraceEvent;
import dev.helios.runtime.kernel.KernelProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/**
 * The two properties the explorer needs to merge branches whose fingerprints are equal: equal
 * states have equal fingerprints and the same future, and a change to any one part of the state
 * changes the fingerprint (the same change twice giving the same one). Random cases use
 * {@link ForkPropertiesTest#scenario} and name their seed on failure.
 *
 * <p>The kernel's private counters, queue and network stream are reached by reflection here, in
 * the test only, to change exactly one part of the state.
 */
class FingerprintTest {
  private static final int CASES = 200;
  private static final int STATE_CASES = 20;
  private static final int NODES = 5;
  private static final long HORIZON_MICROS = 1_000_000;

  // ---- equal states, equal futures ----

  @Test
  void equalStatesHaveEqualFingerprintsAndTheSameFuture() {
    forEachCase(CASES, seed -> {
      long commonMicros = new SplittableRandom(~seed).nextLong(HORIZON_MICROS);
      Simulation first = runUntil(ForkPropertiesTest.scenario(seed, true), commonMicros);
      Simulation second = runUntil(ForkPropertiesTest.scenario(seed, true), commonMicros);
      assertEquals(first.fingerprint(), second.fingerprint(), "built twice, run to " + commonMicros + " µs");
      Simulation fork = first.fork();
      assertEquals(first.fingerprint(), fork.fingerprint(), "fork");
      int common = first.trace().size();
      assertEquals(common, second.trace().size(), "trace size at the common point");
      for (Simulation each : List.of(first, second, fork)) {
        each.run();
      }
      List<TraceEvent> future = traceAfter(first, common);
      assertEquals(future, traceAfter(second, common), "the second build's trace after the common point");
      assertEquals(future, traceAfter(fork, common), "the fork's trace after the common point");
      assertEquals(first.fingerprint(), second.fingerprint(), "final fingerprint of the second build");
      assertEquals(first.fingerprint(), fork.fingerprint(), "final fingerprint of the fork");
    });
  }

  /**
   * States reached by different histories: a fork that partitions two nodes and heals them again
   * has a longer trace, yet when the pair was not partitioned before, its state is the original's.
   * Whenever the fingerprints are equal the futures must be too.
   */
  @Test
  void aDetourThatEndsInTheSameStateHasTheSameFingerprintAndFuture() {
    int[] equalCount = {0};
    forEachCase(CASES, seed -> {
      SplittableRandom random = new SplittableRandom(seed * 7);
      Simulation original = runUntil(ForkPropertiesTest.scenario(seed, true), random.nextLong(HORIZON_MICROS));
      int a = random.nextInt(NODES);
      int b = (a + 1 + random.nextInt(NODES - 1)) % NODES;
      Simulation detour = original.fork();
      detour.partition(a, b);
      detour.heal(a, b);
      if (detour.fingerprint() != original.fingerprint()) {
        return; // the pair was partitioned before: heal changed the network
      }
      equalCount[0]++;
      int originalCommon = original.trace().size();
      int detourCommon = detour.trace().size();
      original.run();
      detour.run();
      assertEquals(traceAfter(original, originalCommon), traceAfter(detour, detourCommon), "futures");
      assertEquals(original.fingerprint(), detour.fingerprint(), "final fingerprints");
    });
    assertTrue(equalCount[0] >= CASES / 2, "only " + equalCount[0] + " detours ended in an equal state");
  }

  // ---- sensitivity: one part changed, the fingerprint changes ----

  @Test
  void theKernelsCountersAreInTheFingerprint() {
    forEachState(original -> {
      assertSeen(original, "clock", sim -> KernelProbe.addTo(sim, "now", 1));
      assertSeen(original, "event count", sim -> KernelProbe.addTo(sim, "eventCount", 1));
      assertSeen(original, "next message id", sim -> KernelProbe.addTo(sim, "nextMessageId", 1));
      assertSeen(original, "next timer id", sim -> KernelProbe.addTo(sim, "nextTimerId", 1));
    });
  }

  @Test
  void everyPendingEventIsInTheFingerprint() {
    forEachState(original -> {
      long at = original.nowMicros() + 1;
      assertSeen(original, "one more pending message", sim -> pushAck(sim, at, 7));
      assertDistinct("payload of a pending message", withAcks(original, at, 7), withAcks(original, at, 8));
      assertDistinct("time of a pending message", withAcks(original, at, 7), withAcks(original, at + 1, 7));
      assertDistinct("order of two pending messages", withAcks(original, at, 7, 8), withAcks(original, at, 8, 7));
    });
  }

  @Test
  void aCancelledTimerIsInTheFingerprint() {
    forEachState(original -> {
      Map<Long, Integer> pending = pendingTimers(original);
      assertTrue(!pending.isEmpty(), "no pending timer");
      pending.forEach((timerId, owner) -> assertSeen(
          original, "timer " + timerId + " cancelled", sim -> assertTrue(KernelProbe.cancelTimer(sim, owner, timerId))));
    });
  }

  @Test
  void everyRandomStreamIsInTheFingerprint() {
    forEachState(original -> {
      assertSeen(original, "network random stream", sim -> ((SimRandom) KernelProbe.read(sim, "networkRandom")).nextLong());
      for (int id = 0; id < NODES; id++) {
        int node = id;
        assertSeen(original, "random stream of node " + node, sim -> KernelProbe.randomOf(sim, node).nextLong());
      }
    });
  }

  @Test
  void theNetworkIsInTheFingerprint() {
    forEachState(original -> {
      assertSeen(original, "loss ratio of a link", sim -> sim.linkLossRatio(1, 2, 0.75));
      assertSeen(original, "duplication ratio of a link", sim -> sim.linkDuplicationRatio(1, 2, 0.75));
      assertSeen(original, "latency of a link", sim -> sim.apply(new Fault.LinkLatency(2, 1, 12_345, 0)));
      // Partitions start from a healed network, so that the one added is new.
      Simulation healed = original.fork();
      healed.healAll();
      assertSeen(healed, "partition", sim -> sim.partition(0, 1));
      assertSeen(healed, "one-way partition", sim -> sim.partitionOneWay(0, 1));
      assertDistinct("direction of a one-way partition", partitionedOneWay(healed, 0, 1), partitionedOneWay(healed, 1, 0));
    });
  }

  /**
   * A ratio decides through its 53-bit threshold, but a later link change prints the ratio itself
   * in the trace, so two ratios with one threshold (0.1 and the next double up) are two states.
   */
  @Test
  void aLinkRatioIsInTheFingerprintAsTheTracePrintsIt() {
    double ratio = 0.1;
    double nextUp = Math.nextUp(ratio);
    assertEquals(SimRandom.thresholdOf(ratio), SimRandom.thresholdOf(nextUp));
    Simulation original = underWay(1);
    assertDistinct("loss ratio of a link", withLossRatio(original, ratio), withLossRatio(original, nextUp));
    assertDistinct("a scheduled change of a loss ratio", lossRatioChangedAt5Ms(ratio), lossRatioChangedAt5Ms(nextUp));
  }

  @Test
  void crashedNodesAreInTheFingerprint() {
    forEachState(original -> {
      int up = firstRunningNode(original);
      assertSeen(original, "crash of node " + up, sim -> sim.crash(up));
    });
  }

  @Test
  void everyFieldOfANodeIsInTheFingerprint() {
    forEachState(original -> {
      for (int id = 0; id < NODES; id++) {
        int node = id;
        assertSeen(original, "node " + node + " received", sim -> gossipNode(sim, node).received++);
        assertSeen(original, "node " + node + " incarnation", sim -> gossipNode(sim, node).incarnation++);
        assertSeen(original, "node " + node + " peers", sim -> gossipNode(sim, node).peers++);
        assertSeen(original, "node " + node + " log", sim -> gossipNode(sim, node).log.add(new GossipNode.Entry(1, 2, "x")));
        assertSeen(original, "node " + node + " counts", sim -> gossipNode(sim, node).counts.put("x", 1L));
      }
    });
  }

  /**
   * A {@code @Copyable} message is mutable: a receiver of one copy of a duplicated message changes
   * the copy still in flight. What its handler and the trace will see is its value now, not the
   * digest kept from when it was sent.
   */
  @Test
  void aCopyableMessageChangedInFlightIsInTheFingerprint() {
    Simulation original = SimulationBuilder.create().seed(5).node(0, Boxer::new).node(1, Boxer::new).build();
    while (!KernelProbe.hasPendingDelivery(original)) {
      assertTrue(original.step(), "the box was never sent");
    }
    assertSeen(original, "a box in flight", sim -> pendingBox(sim).count += 10);
    Simulation changed = original.fork();
    pendingBox(changed).count += 10;
    original.run();
    changed.run();
    assertNotEquals(original.traceHash(), changed.traceHash(), "the change should show in the future");
  }

  /** Sends a {@link Box} from node 0 to node 1, which logs its count, adds one and sends it back, ten times. */
  @Node
  static final class Boxer {
    @OnStart
    void onStart(Context context) {
      if (context.self() == 0) {
        context.send(1, new Box());
      }
    }

    @OnMessage
    void onBox(Box box, Context context) {
      context.log("count " + box.count);
      box.count++;
      if (box.count < 10) {
        context.reply(box);
      }
    }
  }

  /** A mutable message. */
  @Copyable
  static final class Box {
    long count;
  }

  // ---- helpers: cases and states ----

  private static void forEachCase(int cases, LongConsumer property) {
    for (long seed = 1; seed <= cases; seed++) {
      try {
        property.accept(seed);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("property failed for seed=" + seed + ": " + e.getMessage(), e);
      }
    }
  }

  /** Runs {@code property} on a state under way of each of {@link #STATE_CASES} scenarios. */
  private static void forEachState(Consumer<Simulation> property) {
    forEachCase(STATE_CASES, seed -> property.accept(underWay(seed)));
  }

  /**
   * Case {@code seed}'s scenario at its middle, then stepped on until a message is in flight, so
   * that timers are pending and messages are on the wire.
   */
  private static Simulation underWay(long seed) {
    Simulation sim = runUntil(ForkPropertiesTest.scenario(seed, true), HORIZON_MICROS / 2);
    while (!KernelProbe.hasPendingDelivery(sim)) {
      assertTrue(sim.step(), "no message in flight after the middle of the run");
    }
    return sim;
  }

  private static Simulation runUntil(Simulation sim, long timeMicros) {
    sim.runUntilMicros(timeMicros);
    return sim;
  }

  private static List<TraceEvent> traceAfter(Simulation sim, int index) {
    List<TraceEvent> trace = sim.trace();
    return trace.subList(index, trace.size());
  }

  // ---- helpers: assertions ----

  /**
   * Applies {@code change} to two forks of {@code original}: each must differ from the original's
   * fingerprint, equal the other's, and leave the original's alone.
   */
  private static void assertSeen(Simulation original, String part, Consumer<Simulation> change) {
    long before = original.fingerprint();
    Simulation changed = original.fork();
    change.accept(changed);
    Simulation again = original.fork();
    change.accept(again);
    assertEquals(before, original.fingerprint(), part + ": changing a fork changed the original");
    assertNotEquals(before, changed.fingerprint(), part + ": the change is not in the fingerprint");
    assertEquals(changed.fingerprint(), again.fingerprint(), part + ": the same change gave two fingerprints");
  }

  private static void assertDistinct(String part, Simulation first, Simulation second) {
    assertNotEquals(first.fingerprint(), second.fingerprint(), part + ": the difference is not in the fingerprint");
  }

  // ---- helpers: changing one part ----

  /** Queues a delivery of {@code Ack(count)} from node 0 to node 1 at {@code timeMicros}, as a send would. */
  private static void pushAck(Simulation sim, long timeMicros, long count) {
    GossipNode.Ack ack = new GossipNode.Ack(count);
    long digest = NodeCompanions.of(GossipNode.class).messageDigest(ack);
    KernelProbe.pushDelivery(sim, timeMicros, 0, 1, 1_000_000 + count, ack, digest);
  }

  /** A fork of {@code original} with one more delivery per count, queued in the order given. */
  private static Simulation withAcks(Simulation original, long timeMicros, long... counts) {
    Simulation fork = original.fork();
    for (long count : counts) {
      pushAck(fork, timeMicros, count);
    }
    return fork;
  }

  private static Simulation partitionedOneWay(Simulation original, int from, int to) {
    Simulation fork = original.fork();
    fork.partitionOneWay(from, to);
    return fork;
  }

  private static Simulation withLossRatio(Simulation original, double lossRatio) {
    Simulation fork = original.fork();
    fork.linkLossRatio(1, 2, lossRatio);
    return fork;
  }

  private static Simulation lossRatioChangedAt5Ms(double lossRatio) {
    return SimulationBuilder.create().seed(1).node(0, () -> new GossipNode(2)).node(1, () -> new GossipNode(2))
        .linkLossRatio(0, 1, lossRatio, 5).build();
  }

  private static GossipNode gossipNode(Simulation sim, int id) {
    return sim.node(id, GossipNode.class);
  }

  private static int firstRunningNode(Simulation sim) {
    for (int id = 0; id < NODES; id++) {
      if (!sim.isCrashed(id)) {
        return id;
      }
    }
    throw new AssertionError("every node is crashed");
  }

  // ---- helpers: reading the state ----

  /** The first {@link Box} in flight (the same object the queue holds). */
  private static Box pendingBox(Simulation sim) {
    List<Box> boxes = new ArrayList<>();
    for (Object payload : KernelProbe.pendingPayloads(sim)) {
      if (payload instanceof Box box) {
        boxes.add(box);
      }
    }
    assertTrue(!boxes.isEmpty(), "no box in flight");
    return boxes.get(0);
  }

  /**
   * Timer id to owning node for every timer still pending, replayed from the trace: a timer is
   * pending from its TIMER_SET until it fires, is cancelled or its node crashes.
   */
  private static Map<Long, Integer> pendingTimers(Simulation sim) {
    Map<Long, Integer> pending = new LinkedHashMap<>();
    for (TraceEvent event : sim.trace()) {
      switch (event.kind()) {
        case TIMER_SET -> pending.put(event.id(), event.from());
        case TIMER_FIRE, TIMER_CANCEL -> pending.remove(event.id());
        case FAULT -> {
          if (event.fault() instanceof Fault.Crash crash) {
            pending.values().removeIf(owner -> owner == crash.node());
          }
        }
        default -> { }
      }
    }
    return pending;
  }
}
