package dev.helios.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.annotations.Copyable;
import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import dev.helios.runtime.kernel.KernelProbe;
import dev.helios.runtime.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/**
 * Copy on first touch: a fork shares every node with the simulation it was forked from, and each
 * side copies a node just before it first changes it or hands it out. Over seeded cases of {@link
 * ForkPropertiesTest}'s gossip (lossy, duplicating, jittery, with random crashes, restarts and
 * partitions) and of a fault-free one, both sides run on, are forked again, are changed by hand
 * and restart nodes, and every side is compared with a run that was never forked. Every failure
 * names its case seed.
 */
class LazyForkTest {
  private static final int CASES = 100;
  private static final int NODES = 5;
  private static final long HORIZON_MS = 1_000;

  // ---- what a fork shares ----

  @Test
  void aForkSharesEveryNodeUntilASideTouchesIt() {
    forEachCase(seed -> {
      Simulation original = atForkTime(seed, true);
      Object[] atFork = nodes(original).clone();
      Simulation fork = original.fork();
      for (int id = 0; id < NODES; id++) {
        assertSame(atFork[id], nodes(fork)[id], "node " + id + " is copied by the fork itself");
      }
      int traceAtFork = fork.traceSize();
      for (int i = 0; i < 1 + seed % 40 && fork.step(); i++) {}
      TreeSet<Integer> touched = nodesRunIn(fork.traceFrom(traceAtFork));
      for (int id = 0; id < NODES; id++) {
        assertEquals(touched.contains(id), nodes(fork)[id] != atFork[id], "node " + id + " in the fork, touched " + touched);
        assertSame(atFork[id], nodes(original)[id], "node " + id + " in the original, which has not run");
      }
    });
  }

  @Test
  void aForkAndAnEagerForkHaveTheSameFutureAsTheUnforkedRun() {
    forEachCase(seed -> {
      Simulation reference = runToTheEnd(ForkPropertiesTest.scenario(seed, false));
      Simulation original = atForkTime(seed, false);
      Simulation lazy = original.fork();
      Simulation eager = new Simulation(KernelProbe.kernelOf(original).forkEager());
      for (int id = 0; id < NODES; id++) {
        assertSame(nodes(original)[id], nodes(lazy)[id]);
        assertNotSame(nodes(original)[id], nodes(eager)[id]);
      }
      assertEquals(original.fingerprint(), lazy.fingerprint(), "lazy fork");
      assertEquals(original.fingerprint(), eager.fingerprint(), "eager fork");
      for (Simulation sim : List.of(eager, original, lazy)) {
        sim.run();
        assertEquals(reference.traceHash(), sim.traceHash());
        assertEquals(reference.fingerprint(), sim.fingerprint());
      }
    });
  }

  // ---- both sides run on ----

  /**
   * A random tree of forks (forks of forks, several forks of one simulation) whose members run in
   * random turns, a few events each, so every side changes nodes the others still share.
   */
  @Test
  void forksOfForksRunInTurnsEachEqualTheUnforkedRun() {
    forEachCase(seed -> {
      Simulation reference = runToTheEnd(ForkPropertiesTest.scenario(seed, false));
      SplittableRandom random = new SplittableRandom(seed * 7919); // test input generation only
      List<Simulation> sims = new ArrayList<>(List.of(ForkPropertiesTest.scenario(seed, false)));
      int forks = 0;
      for (int turn = 0; turn < 300; turn++) {
        Simulation sim = sims.get(random.nextInt(sims.size()));
        if (random.nextInt(8) == 0 && sims.size() < 8) {
          Simulation fork = sim.fork();
          assertEquals(sim.fingerprint(), fork.fingerprint(), "at fork " + forks++);
          sims.add(fork);
        } else {
          for (int events = random.nextInt(30); events > 0 && sim.step(); events--) {}
        }
      }
      assertTrue(sims.size() > 2, "only " + sims.size() + " simulations");
      for (int i = 0; i < sims.size(); i++) {
        Simulation sim = sims.get(i);
        sim.run();
        assertEquals(reference.traceHash(), sim.traceHash(), "simulation " + i + " of " + sims.size());
        assertEquals(reference.fingerprint(), sim.fingerprint(), "simulation " + i + " of " + sims.size());
      }
    });
  }

  /**
   * A node changed through {@code node(id)} in one fork shows in that fork (and in a fork of it),
   * never in the original, in a second fork made before the change, or the other way round.
   */
  @Test
  void aNodeChangedOnOneSideShowsOnNoOtherSide() {
    forEachCase(seed -> {
      Simulation reference = runToTheEnd(ForkPropertiesTest.scenario(seed, false));
      Simulation original = atForkTime(seed, false);
      long atFork = original.fingerprint();
      Simulation sibling = original.fork();
      Simulation fork = original.fork();
      int id = (int) (seed % NODES);
      GossipNode changed = fork.node(id, GossipNode.class);
      changed.log.add(new GossipNode.Entry(1, 2, "injected"));
      changed.counts.put("injected", 99L);
      changed.received += 1_000;
      long changedFingerprint = fork.fingerprint();
      assertNotEquals(atFork, changedFingerprint, "the change is not in the fork");
      assertEquals(atFork, original.fingerprint(), "the fork's change shows in the original");
      assertEquals(atFork, sibling.fingerprint(), "the fork's change shows in a sibling");
      Simulation forkOfChanged = fork.fork();
      assertEquals(changedFingerprint, forkOfChanged.fingerprint(), "a fork of the changed fork");

      GossipNode siblings = sibling.node(id, GossipNode.class);
      siblings.counts.clear();
      siblings.received += 7;
      assertEquals(changedFingerprint, fork.fingerprint(), "the sibling's change shows in the fork");
      assertEquals(changedFingerprint, forkOfChanged.fingerprint(), "the sibling's change shows in the fork of the fork");
      assertEquals(atFork, original.fingerprint(), "the sibling's change shows in the original");

      original.run();
      fork.run();
      forkOfChanged.run();
      assertEquals(reference.traceHash(), original.traceHash(), "original");
      assertEquals(fork.traceHash(), forkOfChanged.traceHash(), "the changed fork and its fork");
      assertEquals(fork.fingerprint(), forkOfChanged.fingerprint(), "the changed fork and its fork");
    });
  }

  @Test
  void aNodeObtainedBeforeAForkBelongsToNeitherSideAfterIt() {
    onSeed(3, seed -> {
      Simulation original = atForkTime(seed, false);
      GossipNode before = original.node(0, GossipNode.class);
      Simulation fork = original.fork();
      assertNotSame(before, fork.node(0, GossipNode.class));
      assertNotSame(before, original.node(0, GossipNode.class));
      assertSame(original.node(0, GossipNode.class), original.node(0, GossipNode.class), "copied once");
    });
  }

  // ---- restarts ----

  /**
   * One side crashes a node and restarts it, building a fresh node from the shared crashed one; the
   * other side restarts it later. Each equals the same calls made on a simulation never forked.
   */
  @Test
  void aRestartOnOneSideLeavesTheOtherAlone() {
    forEachCase(seed -> {
      long forkMicros = 20_000 + new SplittableRandom(seed).nextLong(200_000);
      long laterMicros = forkMicros + 30_000;
      int id = (int) (seed % NODES);

      Simulation restartedAtFork = gossip(seed);
      restartedAtFork.runUntilMicros(forkMicros);
      restartedAtFork.crash(id);
      restartedAtFork.restart(id);
      restartedAtFork.run();
      Simulation restartedLater = gossip(seed);
      restartedLater.runUntilMicros(forkMicros);
      restartedLater.crash(id);
      restartedLater.runUntilMicros(laterMicros);
      restartedLater.restart(id);
      restartedLater.run();

      Simulation original = gossip(seed);
      original.runUntilMicros(forkMicros);
      original.crash(id);
      long incarnation = ((GossipNode) nodes(original)[id]).incarnation;
      Simulation fork = original.fork();
      fork.restart(id);
      GossipNode restarted = fork.node(id, GossipNode.class);
      assertEquals(incarnation + 1, restarted.incarnation, "the durable field, restored and started");
      assertTrue(restarted.log.isEmpty(), "a fresh node");
      original.runUntilMicros(laterMicros);
      assertEquals(incarnation, original.node(id, GossipNode.class).incarnation, "the fork's restart shows in the original");
      original.restart(id);
      fork.run();
      original.run();
      assertEquals(restartedAtFork.traceHash(), fork.traceHash(), "fork");
      assertEquals(restartedAtFork.fingerprint(), fork.fingerprint(), "fork");
      assertEquals(restartedLater.traceHash(), original.traceHash(), "original");
      assertEquals(restartedLater.fingerprint(), original.fingerprint(), "original");
    });
  }

  // ---- @Copyable messages: every node copied at once ----

  /**
   * Node 0 keeps a crate and sends it to node 1, which keeps it too: the two nodes share a mutable
   * object, and a fork must keep them sharing one, which only a copy of every node through one
   * copier does. A fork made before any crate was sent shares the nodes; one made after copies them.
   */
  @Test
  void nodesSharingACopyableMessageStillShareItInAFork() {
    onSeed(11, seed -> {
      Simulation original = SimulationBuilder.create().seed(seed).node(0, Keeper::new).node(1, Keeper::new).build();
      Simulation beforeAnyCrate = original.fork();
      assertSame(nodes(original)[0], nodes(beforeAnyCrate)[0], "no crate sent yet: the fork shares the nodes");
      original.run();
      beforeAnyCrate.run();
      Simulation fork = original.fork();
      assertNotSame(nodes(original)[0], nodes(fork)[0], "a fork after a crate was sent copies every node");
      for (Simulation sim : List.of(original, beforeAnyCrate, fork)) {
        Keeper first = sim.node(0, Keeper.class);
        Keeper second = sim.node(1, Keeper.class);
        assertSame(first.kept, second.kept, "both nodes keep one crate");
        assertEquals(2, first.kept.count);
      }
      assertNotSame(original.node(0, Keeper.class).kept, fork.node(0, Keeper.class).kept);
      assertNotSame(original.node(0, Keeper.class).kept, beforeAnyCrate.node(0, Keeper.class).kept);
      fork.node(1, Keeper.class).kept.count = 40;
      assertEquals(40, fork.node(0, Keeper.class).kept.count, "the fork's nodes share the copy");
      assertEquals(2, original.node(0, Keeper.class).kept.count, "the original's crate changed");
      assertEquals(original.traceHash(), beforeAnyCrate.traceHash());
    });
  }

  /** Node 0 makes a crate, keeps it and sends it to node 1; whoever receives it keeps it and counts. */
  @Node
  static final class Keeper {
    Crate kept;

    @OnStart
    void onStart(Context context) {
      if (context.self() == 0) {
        kept = new Crate();
        kept.count = 1;
        context.send(1, kept);
      }
    }

    @OnMessage
    void onCrate(Crate crate, Context context) {
      kept = crate;
      crate.count++;
      context.log("count " + crate.count);
    }
  }

  /** A mutable message. */
  @Copyable
  static final class Crate {
    long count;
  }

  // ---- helpers ----

  private static void forEachCase(LongConsumer property) {
    for (long seed = 1; seed <= CASES; seed++) {
      onSeed(seed, property);
    }
  }

  /** Runs {@code property} for {@code seed}; a failure names the seed. */
  private static void onSeed(long seed, LongConsumer property) {
    try {
      property.accept(seed);
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError("property failed for seed=" + seed + ": " + e.getMessage(), e);
    }
  }

  /** Case {@code seed} of ForkPropertiesTest's scenario, run to a random time. */
  private static Simulation atForkTime(long seed, boolean recording) {
    Simulation sim = ForkPropertiesTest.scenario(seed, recording);
    sim.runUntilMicros(new SplittableRandom(~seed).nextLong(HORIZON_MS * 1000));
    return sim;
  }

  /** Five gossip nodes on a lossy, duplicating, jittery network, without scheduled faults. */
  private static Simulation gossip(long seed) {
    SimulationBuilder builder = SimulationBuilder.create().seed(seed).horizonMs(300).recordTrace(false);
    for (int id = 0; id < NODES; id++) {
      builder.node(id, () -> new GossipNode(NODES));
    }
    return builder.latencyMs(2).jitterMs(3).lossRatio(0.1).duplicationRatio(0.05).build();
  }

  private static Simulation runToTheEnd(Simulation sim) {
    sim.run();
    return sim;
  }

  /** The node objects the simulation's kernel holds now, by id, without touching them. */
  private static Object[] nodes(Simulation sim) {
    return (Object[]) KernelProbe.read(sim, "nodes");
  }

  /** The nodes whose handlers ran in {@code events}: each start, delivery and timer. */
  private static TreeSet<Integer> nodesRunIn(List<TraceEvent> events) {
    TreeSet<Integer> nodes = new TreeSet<>();
    for (TraceEvent event : events) {
      switch (event.kind()) {
        case START -> nodes.add(event.from());
        case DELIVER, TIMER_FIRE -> nodes.add(event.to());
        default -> { }
      }
    }
    return nodes;
  }
}
