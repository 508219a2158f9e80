package dev.helios.bench.explore;

import dev.helios.runtime.SimulationSource;
import dev.helios.runtime.explore.ExplorationResult;
import dev.helios.runtime.explore.Progress;
import dev.helios.runtime.explore.ScenarioBuilder;
import dev.helios.runtime.explore.Violation;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Explores every simulation on the class path that declares {@code scenarios(...)} (the examples),
 * as its generated main's {@code --explore} does with the default seed, and prints one Markdown
 * table row per simulation: the scenarios in the space, how many ran and how many dedup spared,
 * the violations, the wall time of the exploration and to its first violation, and the time to
 * shrink the first violation. Each exploration runs {@link #ROUNDS} times, on one thread; the
 * times are the median round's, so the JIT has warmed up.
 */
public final class ExampleExplorations {
  static final long SEED = 42;
  static final int ROUNDS = 5;

  private ExampleExplorations() {}

  public static void main(String[] args) {
    System.out.println("| simulation | scenarios | run | deduplicated | violations (distinct) | explore | first violation | shrink (faults before -> after) |");
    System.out.println("|---|---|---|---|---|---|---|---|");
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
    String shrink = "-";
    if (!result.violations().isEmpty()) {
      Violation violation = result.distinctViolations().get(0);
      long[] shrinkNanos = new long[ROUNDS];
      Violation shrunk = null;
      for (int round = 0; round < ROUNDS; round++) {
        long start = System.nanoTime();
        shrunk = violation.shrink();
        shrinkNanos[round] = System.nanoTime() - start;
      }
      shrink = millis(median(shrinkNanos)) + " (" + violation.faults().size() + " -> " + shrunk.faults().size() + ": "
          + shrunk.faultText() + ")";
    }
    return "| " + name
        + " | " + result.scenarioCount()
        + " | " + result.scenariosRunCount()
        + " | " + result.scenariosDedupedCount()
        + " | " + result.violationCount() + " (" + result.distinctViolations().size() + ")"
        + " | " + millis(median(exploreNanos))
        + " | " + (result.violations().isEmpty() ? "-" : millis(median(firstViolationNanos)))
        + " | " + shrink + " |";
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
