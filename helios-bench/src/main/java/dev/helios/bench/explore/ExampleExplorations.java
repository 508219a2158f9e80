package dev.helios.bench.explore;

import dev.helios.runtime.SimulationSource;
import dev.helios.runtime.explore.ExplorationResult;
import dev.helios.runtime.explore.Progress;
import dev.helios.runtime.explore.ScenarioBuilder;
import dev.helios.runtime.explore.Violation;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Explores every simulation on the class path that declares {@code scenarios(...)} (the examples),
 * as its generated main's {@code --explore} does with the default seed, and prints one Markdown
 * table row per simulation: the scenarios in the space, how many ran and how many dedup spared,
 * the violations, the wall time of the exploration and to its first violation, and the time to
 * shrink the first distinct violation and the one with the most faults. Each exploration runs {@link #ROUNDS} times, on one thread; the
 * times are the median round's, so the JIT has warmed up.
 */
public final class ExampleExplorations {
  static final long SEED = 42;
  static final int ROUNDS = 5;

  private ExampleExplorations() {}

  public static void main(String[] args) {
    System.out.println("| simulation | scenarios | run | deduplicated | violations (distinct) | explore | to the first violation"
        + " | shrink the first | shrink the one with the most faults |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (SimulationSource source : SimulationSource.all()) {
      if (source.hasScenarios()) {
        System.out.println(row(source));
      }
    }
  }

  private static String row(SimulationSource source) {
    long[] exploreNanos = new long[ROUNDS];
    long[] firstViolationNanos = new long[ROUNDS];
    ExplorationResult result = null;
    for (int round = 0; round < ROUNDS; round++) {
      ScenarioBuilder space = source.scenarios(source.build(SEED));
      AtomicLong first = new AtomicLong(-1);
      long start = System.nanoTime();
      Progress watch = (scenarios, violations) -> {
        if (violations > 0) {
          first.compareAndSet(-1, System.nanoTime() - start);
        }
      };
      result = space.progress(watch).explore();
      exploreNanos[round] = System.nanoTime() - start;
      firstViolationNanos[round] = first.get();
    }
    String name = source.name().substring(source.name().lastIndexOf('.') + 1);
    String shrinkFirst = "-";
    String shrinkLargest = "-";
    if (!result.violations().isEmpty()) {
      List<Violation> distinct = result.distinctViolations();
      Violation largest = distinct.get(0);
      for (Violation violation : distinct) {
        if (violation.faults().size() > largest.faults().size()) {
          largest = violation;
        }
      }
      shrinkFirst = shrink(distinct.get(0));
      shrinkLargest = shrink(largest);
    }
    return "| " + name
        + " | " + result.scenarioCount()
        + " | " + result.scenariosRunCount()
        + " | " + result.scenariosDedupedCount()
        + " | " + result.violationCount() + " (" + result.distinctViolations().size() + ")"
        + " | " + millis(median(exploreNanos))
        + " | " + (result.violations().isEmpty() ? "-" : millis(median(firstViolationNanos)))
        + " | " + shrinkFirst + " | " + shrinkLargest + " |";
  }

  /** The median time to shrink {@code violation}, and its faults before and after. */
  private static String shrink(Violation violation) {
    long[] shrinkNanos = new long[ROUNDS];
    Violation shrunk = null;
    for (int round = 0; round < ROUNDS; round++) {
      long start = System.nanoTime();
      shrunk = violation.shrink();
      shrinkNanos[round] = System.nanoTime() - start;
    }
    return millis(median(shrinkNanos)) + " (" + violation.faults().size() + " -> " + shrunk.faults().size() + " faults: "
        + shrunk.faultText() + ")";
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
  }
}
