package dev.helios.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/**
 * Fork properties over 200 random cases each: a seed, a random fault schedule on a lossy,
 * duplicating, jittery 5-node network, and a random fork time. Every failure names its case seed.
 */
class ForkPropertiesTest {
  private static final int CASES = 200;
  private static final int NODES = 5;
  private static final long HORIZON_MS = 1_000;

  /** The simulation of case {@code seed}: random network settings and fault schedule. */
  static Simulation scenario(long seed, boolean recording) {
    SplittableRandom random = new SplittableRandom(seed); // test input generation only
    SimulationBuilder builder = SimulationBuilder.create().seed(seed).horizonMs(HORIZON_MS).recordTrace(recording);
    for (int id = 0; id < NODES; id++) {
      builder.node(id, () -> new GossipNode(NODES));
    }
    builder.latencyMs(1 + random.nextInt(10)).jitterMs(random.nextInt(5))
        .lossRatio(random.nextInt(20) / 100.0).duplicationRatio(random.nextInt(10) / 100.0);
    for (int id = 0; id < NODES; id++) {
      long t = random.nextLong(HORIZON_MS);
      while (t < HORIZON_MS && random.nextBoolean()) {
        builder.crash(id, t);
        t += 1 + random.nextLong(200);
        if (t >= HORIZON_MS) {
          break;
        }
        builder.restart(id, t);
        t += 1 + random.nextLong(300);
      }
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      int a = random.nextInt(NODES);
      int b = (a + 1 + random.nextInt(NODES - 1)) % NODES;
      long at = random.nextLong(HORIZON_MS);
      if (random.nextBoolean()) {
        builder.partition(a, b, at);
      } else {
        builder.partitionOneWay(a, b, at);
      }
      builder.heal(a, b, at + random.nextLong(300));
    }
    if (random.nextInt(3) == 0) {
      builder.isolate(random.nextInt(NODES), random.nextLong(HORIZON_MS)).healAll(random.nextLong(HORIZON_MS));
    }
    if (random.nextInt(3) == 0) {
      builder.linkLossRatio(random.nextInt(NODES), random.nextInt(NODES), 0.5, random.nextLong(HORIZON_MS));
    }
    return builder.build();
  }

  private static long forkTimeMicros(long seed) {
    return new SplittableRandom(~seed).nextLong(HORIZON_MS * 1000);
  }

  private static Simulation runToTheEnd(Simulation sim) {
    sim.run();
    return sim;
  }

  /** Case {@code seed}'s simulation, run up to its fork time. */
  private static Simulation atForkTime(long seed, boolean recording) {
    Simulation sim = scenario(seed, recording);
    sim.runUntilMicros(forkTimeMicros(seed));
    return sim;
  }

  private static void forEachCase(LongConsumer property) {
    for (long seed = 1; seed <= CASES; seed++) {
      try {
        property.accept(seed);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("property failed for seed=" + seed + ": " + e.getMessage(), e);
      }
    }
  }

  @Test
  void forkThenRunBothEqualsTheUnforkedRun() {
    forEachCase(seed -> {
      Simulation reference = runToTheEnd(scenario(seed, false));
      Simulation original = atForkTime(seed, false);
      Simulation fork = original.fork();
      original.run();
      fork.run();
      assertEquals(reference.traceHash(), original.traceHash(), "original");
      assertEquals(reference.traceHash(), fork.traceHash(), "fork");
      assertEquals(reference.fingerprint(), fork.fingerprint(), "fork fingerprint");
    });
  }

  @Test
  void aForksTraceReadsAsTheFullTrace() {
    for (long seed = 1; seed <= 20; seed++) {
      Simulation reference = runToTheEnd(scenario(seed, true));
      Simulation original = atForkTime(seed, true);
      Simulation fork = original.fork();
      assertEquals(original.trace(), fork.trace(), "seed=" + seed);
      fork.run();
      original.run();
      assertEquals(reference.trace(), fork.trace(), "seed=" + seed);
      assertEquals(reference.trace(), original.trace(), "seed=" + seed);
    }
  }

  @Test
  void aFaultInjectedIntoTheForkLeavesTheOriginalsFutureUnchanged() {
    forEachCase(seed -> {
      Simulation reference = runToTheEnd(scenario(seed, false));
      Simulation original = atForkTime(seed, false);
      Simulation fork = original.fork();
      // Faults that cannot collide with the scheduled crash/restart sequence.
      int victim = (int) (seed % NODES);
      fork.isolate(victim);
      fork.partition((victim + 1) % NODES, (victim + 2) % NODES);
      fork.linkLossRatio((victim + 3) % NODES, (victim + 4) % NODES, 1.0);
      fork.run();
      original.run();
      assertEquals(reference.traceHash(), original.traceHash(), "original changed by a fault in its fork");
      assertNotEquals(reference.traceHash(), fork.traceHash(), "the fault should change the fork's trace");
    });
  }

  @Test
  void aForkOfAForkStillEqualsTheUnforkedRun() {
    forEachCase(seed -> {
      Simulation reference = runToTheEnd(scenario(seed, false));
      long first = forkTimeMicros(seed);
      long second = first + new SplittableRandom(seed * 31).nextLong(HORIZON_MS * 1000 - first + 1);
      Simulation original = scenario(seed, false);
      original.runUntilMicros(first);
      Simulation fork = original.fork();
      fork.runUntilMicros(second);
      Simulation forkOfFork = fork.fork();
      forkOfFork.run();
      fork.run();
      original.run();
      assertEquals(reference.traceHash(), forkOfFork.traceHash(), "fork of fork");
      assertEquals(reference.traceHash(), fork.traceHash(), "fork");
      assertEquals(reference.traceHash(), original.traceHash(), "original");
    });
  }

  @Test
  void fingerprintsAreEqualAtForkTimeAndAfterIdenticalSteps() {
    forEachCase(seed -> {
      Simulation original = atForkTime(seed, false);
      Simulation fork = original.fork();
      assertEquals(original.fingerprint(), fork.fingerprint(), "at fork time");
      for (int i = 0; i < 200; i++) {
        assertEquals(original.step(), fork.step(), "step " + i);
        assertEquals(original.fingerprint(), fork.fingerprint(), "after step " + i);
      }
      assertEquals(original.traceHash(), fork.traceHash());
    });
  }

  @Test
  void mutatingANodeInOneCopyNeverShowsInTheOther() {
    forEachCase(seed -> {
      Simulation original = atForkTime(seed, false);
      Simulation fork = original.fork();
      long fingerprint = original.fingerprint();
      int id = (int) (seed % NODES);
      GossipNode inFork = fork.node(id, GossipNode.class);
      GossipNode inOriginal = original.node(id, GossipNode.class);
      assertTrue(inFork != inOriginal);
      int logSize = inOriginal.log.size();
      inFork.log.add(new GossipNode.Entry(1, 2, "injected"));
      inFork.counts.put("injected", 99L);
      inFork.received += 1000;
      inFork.incarnation += 7;
      assertEquals(fingerprint, original.fingerprint(), "fork mutation leaked into the original");
      assertEquals(logSize, inOriginal.log.size());
      assertTrue(!inOriginal.counts.containsKey("injected"));
      long forkFingerprint = fork.fingerprint();
      assertNotEquals(fingerprint, forkFingerprint);
      inOriginal.log.clear();
      inOriginal.counts.clear();
      assertEquals(forkFingerprint, fork.fingerprint(), "original mutation leaked into the fork");
      assertEquals(logSize + 1, inFork.log.size());
    });
  }

  @Test
  void immutableValuesAreSharedNotCopied() {
    Simulation original = scenario(3, false);
    original.runUntilMicros(500_000);
    Simulation fork = original.fork();
    for (int id = 0; id < NODES; id++) {
      GossipNode a = original.node(id, GossipNode.class);
      GossipNode b = fork.node(id, GossipNode.class);
      assertTrue(a.log != b.log, "lists are copied");
      for (int i = 0; i < a.log.size(); i++) {
        assertTrue(a.log.get(i) == b.log.get(i), "records of immutable values are shared, seed=3");
      }
    }
  }
}
