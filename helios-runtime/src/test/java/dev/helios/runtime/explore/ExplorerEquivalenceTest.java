package dev.helios.runtime.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.runtime.SimRandom;
import dev.helios.runtime.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prefix sharing, dedup, parallelism and shards change how a space is explored, never what is
 * found: over random spaces each gives exactly what running every combination from scratch gives.
 */
class ExplorerEquivalenceTest {
  private static final int SPACES = 40;

  /** A random space over {@code n} beacons: up to 9 choices (larger spaces are cut into tasks), 1 or 2 seeds, a random set of checks. */
  static ScenarioBuilder randomSpace(long seed) {
    SimRandom random = SimRandom.derive(seed, 7);
    int n = 3 + random.nextInt(2);
    Simulation sim = Beacons.of(n, random.nextLong(0, 1000));
    ScenarioBuilder space = ScenarioBuilder.of(sim).quiet();
    int choices = 2 + random.nextInt(8);
    List<String> used = new ArrayList<>();
    while (used.size() < choices) {
      int a = random.nextInt(n);
      int b = (a + 1 + random.nextInt(n - 1)) % n;
      long at = random.nextLong(0, 60);
      String choice = switch (random.nextInt(8)) {
        case 0, 1 -> "crash " + a + " @ " + at + "ms";
        case 2 -> "restart " + a + " @ " + at + "ms";
        case 3 -> "partition " + a + "-" + b + " @ " + at + "ms";
        case 4 -> "heal " + a + "-" + b + " @ " + at + "ms";
        case 5 -> "isolate " + a + " @ " + at + "ms";
        case 6 -> "loss " + a + "->" + b + " 0.5 @ " + at + "ms";
        default -> "latency " + a + "->" + b + " 15ms jitter 3ms @ " + at + "ms";
      };
      if (!used.contains(choice)) {
        used.add(choice);
        space.maybe(choice);
      }
    }
    if (random.nextInt(2) == 0) {
      space.seeds(random.nextLong(0, 50), 50 + random.nextLong(0, 50));
    }
    long window = 12 + random.nextInt(10);
    space.check("all heard within " + window + " ms", s -> Beacons.allHeardWithin(s, window));
    if (random.nextInt(2) == 0) {
      long most = 1 + random.nextInt(2);
      space.always("incarnations <= " + most, s -> {
        for (int id : s.nodeIds()) {
          if (Beacons.node(s, id).incarnation > most) {
            return false;
          }
        }
        return true;
      });
    }
    if (random.nextInt(2) == 0) {
      space.eventually("everyone hears again", s -> Beacons.allHeardWithin(s, 15), 40);
    }
    space.until(60 + 40 + random.nextInt(40));
    return space;
  }

  @Test
  void prefixSharingAndDedupFindExactlyWhatRunningEveryCombinationFromScratchFinds() {
    long violations = 0;
    long deduped = 0;
    long scenarios = 0;
    int split = 0;
    for (long seed = 0; seed < SPACES; seed++) {
      ExplorationResult scratch = randomSpace(seed).exploreFromScratch();
      ExplorationResult shared = randomSpace(seed).dedup(false).explore();
      ExplorationResult withDedup = randomSpace(seed).explore();
      assertSame(scratch, shared, "seed=" + seed + " prefix sharing");
      assertSame(scratch, withDedup, "seed=" + seed + " dedup");
      assertEquals(scratch.scenarioCount(), withDedup.scenariosRunCount() + withDedup.scenariosDedupedCount(), "seed=" + seed);
      violations += scratch.violationCount();
      deduped += withDedup.scenariosDedupedCount();
      scenarios += scratch.scenarioCount();
      split += scratch.scenarioCount() > 2 * (1 << Space.UNSPLIT_CHOICES_MAX) ? 1 : 0;
    }
    // The spaces are varied enough to mean something: violations, dedup hits and split spaces occur.
    System.out.println("equivalence: " + scenarios + " scenarios, " + violations + " violations, " + deduped + " deduplicated, " + split + " split spaces");
    assertTrue(violations > 0 && violations < scenarios, "violations " + violations + " of " + scenarios);
    assertTrue(deduped > 0, "deduplicated " + deduped);
    assertTrue(split > 0, "split spaces " + split);
  }

  @Test
  void dedupRunsFewerScenariosWhereChoicesCannotApply() {
    ExplorationResult result = ScenarioBuilder.of(Beacons.of(3, 1)).quiet()
        .maybeRestart(1, 10) // node 1 is running: skipped, so both branches are equal
        .maybeRestart(2, 20)
        .maybeCrash(0, 30)
        .check("all heard", s -> Beacons.allHeardWithin(s, 15))
        .until(80)
        .explore();
    assertEquals(8, result.scenarioCount());
    assertEquals(2, result.scenariosRunCount(), result.summary());
    assertEquals(6, result.scenariosDedupedCount());
    assertEquals(2, result.skippedChoices().size(), result.summary());
    assertEquals(4, result.skippedChoices().get(0).scenarioCount());
    assertTrue(result.summary().contains("restart 1 @ 10ms: skipped in 4 scenarios (the node was running)"), result.summary());
  }

  @Test
  void theResultIsTheSameForAnyParallelism() {
    for (long seed = 0; seed < 10; seed++) {
      ExplorationResult one = randomSpace(seed).explore();
      ExplorationResult two = randomSpace(seed).parallelism(2).explore();
      ExplorationResult three = randomSpace(seed).parallelism(3).explore();
      assertSame(one, two, "seed=" + seed + " parallelism 2");
      assertSame(one, three, "seed=" + seed + " parallelism 3");
      assertEquals(one.scenariosRunCount(), two.scenariosRunCount(), "seed=" + seed);
    }
  }

  @Test
  void shardsMergeIntoTheWhole() {
    for (long seed = 0; seed < 10; seed++) {
      ExplorationResult whole = randomSpace(seed).explore();
      int count = 1 + (int) (seed % 4);
      List<ExplorationResult> shards = new ArrayList<>();
      for (int index = count - 1; index >= 0; index--) {
        ExplorationResult shard = randomSpace(seed).shard(index, count).explore();
        shards.add(randomSpace(seed).readResult(shard.toText())); // through the file format
      }
      ExplorationResult merged = ExplorationResult.merge(shards);
      assertSame(whole, merged, "seed=" + seed + " shards=" + count);
      assertEquals(whole.toText(), merged.toText(), "seed=" + seed);
    }
  }

  static void assertSame(ExplorationResult expected, ExplorationResult actual, String what) {
    assertEquals(expected.scenarioCount(), actual.scenarioCount(), what + ": scenarios");
    assertEquals(expected.violationCount(), actual.violationCount(), what + ": violations\n" + expected.summary() + "\n" + actual.summary());
    assertEquals(expected.violations(), actual.violations(), what + ": violations kept");
    assertEquals(expected.skippedChoices(), actual.skippedChoices(), what + ": skipped");
  }
}
