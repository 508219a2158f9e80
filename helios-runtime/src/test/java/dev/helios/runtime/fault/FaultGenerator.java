package dev.helios.runtime.fault;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Faults for tests: one hand-picked fault of every kind, and seeded random faults over every kind
 * and the whole range of each field. {@link #kindNames} lets tests check that a new permitted
 * subclass of {@link Fault} is generated too.
 */
final class FaultGenerator {
  /** How many kinds {@link #random} picks from; a new kind must be added there and here. */
  static final int KIND_COUNT = 10;

  private FaultGenerator() {}

  /** One fault of every kind, with distinct arguments so that mix-ups show. */
  static List<Fault> oneOfEachKind() {
    return List.of(
        new Fault.Crash(1),
        new Fault.Restart(2),
        new Fault.Partition(0, 2),
        new Fault.PartitionOneWay(2, 0),
        new Fault.Heal(3, 4),
        new Fault.Isolate(5),
        new Fault.HealAll(),
        new Fault.LinkLatency(6, 7, 5_000, 1_000),
        new Fault.LinkLossRatio(1, 0, 0.25),
        new Fault.LinkDuplicationRatio(1, 1, 0.1));
  }

  /** A random fault of a random kind. */
  static Fault random(SplittableRandom random) {
    int kind = random.nextInt(KIND_COUNT);
    switch (kind) {
      case 0:
        return new Fault.Crash(node(random));
      case 1:
        return new Fault.Restart(node(random));
      case 2:
        {
          int a = node(random);
          return new Fault.Partition(a, otherNode(random, a));
        }
      case 3:
        {
          int from = node(random);
          return new Fault.PartitionOneWay(from, otherNode(random, from));
        }
      case 4:
        {
          int a = node(random);
          return new Fault.Heal(a, otherNode(random, a));
        }
      case 5:
        return new Fault.Isolate(node(random));
      case 6:
        return new Fault.HealAll();
      case 7:
        return new Fault.LinkLatency(
            node(random), node(random), micros(random), random.nextBoolean() ? 0 : micros(random));
      case 8:
        return new Fault.LinkLossRatio(node(random), node(random), ratio(random));
      case 9:
        return new Fault.LinkDuplicationRatio(node(random), node(random), ratio(random));
      default:
        throw new AssertionError("no generator for kind " + kind);
    }
  }

  /** A node id: mostly small, sometimes anywhere up to the largest int. */
  static int node(SplittableRandom random) {
    switch (random.nextInt(3)) {
      case 0:
        return random.nextInt(0, 8);
      case 1:
        return random.nextInt(0, Integer.MAX_VALUE);
      default:
        return Integer.MAX_VALUE - random.nextInt(3);
    }
  }

  private static int otherNode(SplittableRandom random, int node) {
    int other = node(random);
    while (other == node) {
      other = node(random);
    }
    return other;
  }

  /** A time or duration in µs: zero, small, whole ms, whole s, anywhere, or near the top. */
  static long micros(SplittableRandom random) {
    switch (random.nextInt(6)) {
      case 0:
        return 0;
      case 1:
        return random.nextLong(0, 1_000);
      case 2:
        return random.nextLong(0, 1_000_000) * 1_000;
      case 3:
        return random.nextLong(0, 100) * 1_000_000;
      case 4:
        return random.nextLong(0, Long.MAX_VALUE);
      default:
        return Long.MAX_VALUE - random.nextLong(0, 2_000);
    }
  }

  /** A ratio in [0, 1]: the ends, a uniform double, any double bit pattern, or a percentage. */
  static double ratio(SplittableRandom random) {
    switch (random.nextInt(5)) {
      case 0:
        return 0.0;
      case 1:
        return 1.0;
      case 2:
        return random.nextDouble();
      case 3:
        // Every double in [0, 1], subnormals included, is a bit pattern in this range.
        return Double.longBitsToDouble(random.nextLong(0, Double.doubleToLongBits(1.0) + 1));
      default:
        return random.nextInt(0, 101) / 100.0;
    }
  }

  /** The sorted class names of {@code faults}' kinds. */
  static TreeSet<String> kindNames(Collection<? extends Fault> faults) {
    TreeSet<String> names = new TreeSet<>();
    for (Fault fault : faults) {
      names.add(fault.getClass().getName());
    }
    return names;
  }

  /** The sorted class names of every permitted subclass of {@link Fault}. */
  static TreeSet<String> permittedKindNames() {
    TreeSet<String> names = new TreeSet<>();
    Arrays.stream(Fault.class.getPermittedSubclasses()).forEach(kind -> names.add(kind.getName()));
    return names;
  }
}
