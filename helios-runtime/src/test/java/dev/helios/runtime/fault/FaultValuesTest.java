package dev.helios.runtime.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Faults as values: their checks, names, nodes, digests, and the one Target call each makes. */
class FaultValuesTest {
  @Test
  void theSamplesCoverEveryKind() {
    assertEquals(
        FaultGenerator.permittedKindNames(),
        FaultGenerator.kindNames(FaultGenerator.oneOfEachKind()));
    // One Target method per kind, so that the kernel handles each.
    assertEquals(
        Fault.class.getPermittedSubclasses().length,
        Fault.Target.class.getDeclaredMethods().length);
  }

  // ---- Checks

  @Test
  void constructorsRefuseBadValuesNamingTheValueTheRuleAndAFix() {
    assertRefused(
        () -> new Fault.Crash(-1),
        "crash -1: node ids are zero or more, got -1; nodes are numbered from 0");
    assertRefused(() -> new Fault.Restart(-2), "restart -2: node ids are zero or more, got -2");
    assertRefused(() -> new Fault.Isolate(Integer.MIN_VALUE), "got -2147483648");
    assertRefused(
        () -> new Fault.Partition(0, 0),
        "partition 0-0: a node cannot be partitioned from itself; name two different nodes");
    assertRefused(
        () -> new Fault.PartitionOneWay(3, 3),
        "partition 3->3: a node cannot be partitioned from itself; name two different nodes");
    assertRefused(
        () -> new Fault.Heal(2, 2),
        "heal 2-2: a node cannot be healed from itself; name two different nodes");
    assertRefused(() -> new Fault.Partition(-1, 2), "partition -1-2: node ids are zero or more");
    assertRefused(() -> new Fault.Heal(1, -3), "got -3");
    assertRefused(
        () -> new Fault.LinkLatency(0, 1, -1, 0),
        "latency 0->1 -1us: a latency must be zero or more, got -1 \u00b5s; write 0ms for none");
    assertRefused(
        () -> new Fault.LinkLatency(0, 1, 0, -1_000),
        "latency 0->1 0ms jitter -1ms: a jitter must be zero or more, got -1000 \u00b5s; write 0ms or"
            + " leave it out for none");
    assertRefused(() -> new Fault.LinkLatency(-1, 1, 0, 0), "node ids are zero or more, got -1");
    assertRefused(
        () -> new Fault.LinkLossRatio(0, 1, Double.NaN),
        "loss 0->1 NaN: a loss ratio is from 0 to 1, got NaN; write a share such as 0.25");
    assertRefused(() -> new Fault.LinkLossRatio(0, 1, Math.nextUp(1.0)), "got 1.0000000000000002");
    assertRefused(() -> new Fault.LinkLossRatio(0, 1, -0.1), "got -0.1");
    assertRefused(() -> new Fault.LinkLossRatio(0, -1, 0.5), "got -1");
    assertRefused(
        () -> new Fault.LinkDuplicationRatio(0, 1, 2.0),
        "duplication 0->1 2.0: a duplication ratio is from 0 to 1, got 2.0; write a share such as"
            + " 0.25");
    assertRefused(
        () -> new Fault.LinkDuplicationRatio(0, 1, Double.NEGATIVE_INFINITY), "got -Infinity");
  }

  private static void assertRefused(Executable construction, String fragment) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construction);
    assertEquals(IllegalArgumentException.class, e.getClass(), "a plain check, not a syntax error");
    FaultTextTest.assertContains(e.getMessage(), fragment);
  }

  @Test
  void linksFromANodeToItselfAndTheEdgesOfEachRangeAreAllowed() {
    new Fault.LinkLatency(1, 1, 0, 0);
    new Fault.LinkLatency(0, 0, Long.MAX_VALUE, Long.MAX_VALUE);
    new Fault.LinkLossRatio(2, 2, 0.0);
    new Fault.LinkLossRatio(2, 2, 1.0);
    new Fault.LinkDuplicationRatio(3, 3, Double.MIN_VALUE);
    new Fault.Crash(0);
    new Fault.Isolate(Integer.MAX_VALUE);
    new Fault.Partition(0, Integer.MAX_VALUE);
  }

  @Test
  void negativeZeroRatiosBecomeZero() {
    Fault.LinkLossRatio loss = new Fault.LinkLossRatio(0, 1, -0.0);
    assertEquals(new Fault.LinkLossRatio(0, 1, 0.0), loss);
    assertEquals(new Fault.LinkLossRatio(0, 1, 0.0).digest(), loss.digest());
    assertEquals("loss 0->1 0.0", loss.toString());
    assertEquals(
        new Fault.LinkDuplicationRatio(0, 1, 0.0), new Fault.LinkDuplicationRatio(0, 1, -0.0));
  }

  // ---- Names and nodes

  @Test
  void namesAreTheFirstWordOfTheText() {
    List<String> names = new ArrayList<>();
    for (Fault fault : FaultGenerator.oneOfEachKind()) {
      names.add(fault.name());
      assertEquals(fault.name(), fault.toString().split(" ")[0], fault.toString());
    }
    assertEquals(
        List.of(
            "crash",
            "restart",
            "partition",
            "partition",
            "heal",
            "isolate",
            "heal-all",
            "latency",
            "loss",
            "duplication"),
        names);
  }

  @Test
  void nodesAreTheOnesNamedInAFreshArray() {
    List<Fault> faults = FaultGenerator.oneOfEachKind();
    int[][] expected = {{1}, {2}, {0, 2}, {2, 0}, {3, 4}, {5}, {}, {6, 7}, {1, 0}, {1, 1}};
    for (int i = 0; i < faults.size(); i++) {
      assertArrayEquals(expected[i], faults.get(i).nodes(), faults.get(i).toString());
    }
    Fault crash = new Fault.Crash(1);
    crash.nodes()[0] = 9;
    assertArrayEquals(new int[] {1}, crash.nodes());
  }

  // ---- Digests

  @Test
  void equalFaultsHaveEqualDigestsAndDifferentOnesDiffer() {
    long seed = Long.getLong("helios.fault.seed", 20_240_611L);
    System.out.println("seed=" + seed);
    SplittableRandom random = new SplittableRandom(seed);
    TreeMap<Long, Fault> byDigest = new TreeMap<>();
    for (int i = 0; i < 50_000; i++) {
      Fault fault = FaultGenerator.random(random);
      assertEquals(fault.digest(), Fault.parse(fault.toString()).digest(), "seed=" + seed);
      Fault earlier = byDigest.putIfAbsent(fault.digest(), fault);
      if (earlier != null) {
        assertEquals(earlier, fault, "equal digests, seed=" + seed);
      }
    }
  }

  @Test
  void digestsTellKindsAndFieldsApart() {
    assertAllDiffer(
        new Fault.Crash(1), new Fault.Restart(1), new Fault.Isolate(1), new Fault.Crash(2));
    assertAllDiffer(
        new Fault.Partition(0, 2),
        new Fault.Partition(2, 0),
        new Fault.PartitionOneWay(0, 2),
        new Fault.PartitionOneWay(2, 0),
        new Fault.Heal(0, 2),
        new Fault.Heal(2, 0),
        new Fault.HealAll());
    assertAllDiffer(
        new Fault.LinkLatency(0, 1, 5, 1),
        new Fault.LinkLatency(0, 1, 1, 5),
        new Fault.LinkLatency(1, 0, 5, 1),
        new Fault.LinkLatency(0, 1, 5, 0),
        new Fault.LinkLossRatio(0, 1, 0.25),
        new Fault.LinkLossRatio(1, 0, 0.25),
        new Fault.LinkLossRatio(0, 1, Math.nextUp(0.25)),
        new Fault.LinkDuplicationRatio(0, 1, 0.25));
    List<Fault> samples = FaultGenerator.oneOfEachKind();
    assertAllDiffer(samples.toArray(new Fault[0]));
  }

  private static void assertAllDiffer(Fault... faults) {
    for (int i = 0; i < faults.length; i++) {
      for (int j = i + 1; j < faults.length; j++) {
        assertNotEquals(faults[i], faults[j]);
        assertNotEquals(faults[i].digest(), faults[j].digest(), faults[i] + " vs " + faults[j]);
      }
    }
  }

  /** Golden values: a change here changes every run's fingerprint, so it must be deliberate. */
  @Test
  void digestsArePinned() {
    assertEquals(CRASH_1_DIGEST, new Fault.Crash(1).digest());
    assertEquals(PARTITION_0_2_DIGEST, new Fault.Partition(0, 2).digest());
    assertEquals(HEAL_ALL_DIGEST, new Fault.HealAll().digest());
    assertEquals(LATENCY_DIGEST, new Fault.LinkLatency(0, 1, 5_000, 1_000).digest());
    assertEquals(LOSS_DIGEST, new Fault.LinkLossRatio(0, 1, 0.25).digest());
  }

  private static final long CRASH_1_DIGEST = -2355157308438270080L;
  private static final long PARTITION_0_2_DIGEST = -498966128188305517L;
  private static final long HEAL_ALL_DIGEST = 8979441377503288031L;
  private static final long LATENCY_DIGEST = -6469293724864978367L;
  private static final long LOSS_DIGEST = -1646459384395776535L;

  // ---- Applying

  @Test
  void eachFaultCallsExactlyItsOneTargetMethod() {
    List<Fault> faults = FaultGenerator.oneOfEachKind();
    List<String> expected =
        List.of(
            "crash(1)",
            "restart(2)",
            "partition(0, 2)",
            "partitionOneWay(2, 0)",
            "heal(3, 4)",
            "isolate(5)",
            "healAll()",
            "linkLatency(6, 7, 5000, 1000)",
            "linkLossRatio(1, 0, 0.25)",
            "linkDuplicationRatio(1, 1, 0.1)");
    for (int i = 0; i < faults.size(); i++) {
      RecordingTarget target = new RecordingTarget();
      faults.get(i).applyTo(target);
      assertEquals(List.of(expected.get(i)), target.calls, faults.get(i).toString());
    }
  }

  /** A Target that writes down each call. */
  private static final class RecordingTarget implements Fault.Target {
    final List<String> calls = new ArrayList<>();

    @Override
    public void crash(int node) {
      calls.add("crash(" + node + ")");
    }

    @Override
    public void restart(int node) {
      calls.add("restart(" + node + ")");
    }

    @Override
    public void partition(int a, int b) {
      calls.add("partition(" + a + ", " + b + ")");
    }

    @Override
    public void partitionOneWay(int from, int to) {
      calls.add("partitionOneWay(" + from + ", " + to + ")");
    }

    @Override
    public void heal(int a, int b) {
      calls.add("heal(" + a + ", " + b + ")");
    }

    @Override
    public void isolate(int node) {
      calls.add("isolate(" + node + ")");
    }

    @Override
    public void healAll() {
      calls.add("healAll()");
    }

    @Override
    public void linkLatency(int from, int to, long latencyMicros, long jitterMicros) {
      calls.add(
          "linkLatency(" + from + ", " + to + ", " + latencyMicros + ", " + jitterMicros + ")");
    }

    @Override
    public void linkLossRatio(int from, int to, double lossRatio) {
      calls.add("linkLossRatio(" + from + ", " + to + ", " + lossRatio + ")");
    }

    @Override
    public void linkDuplicationRatio(int from, int to, double duplicationRatio) {
      calls.add("linkDuplicationRatio(" + from + ", " + to + ", " + duplicationRatio + ")");
    }
  }
}
