package dev.helios.runtime.explore;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.fault.ScheduledFault;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Explores one task of a space: one seed, the first {@link Space#splitDepth} choices fixed, and
 * every combination of the others, depth first with shared prefixes. At each choice it runs to the
 * choice's time, forks, goes on without the fault, then applies it to the fork and goes on there,
 * so at most one fork per depth is alive. With dedup, a branch whose fingerprint equals one already
 * explored at the same depth is not run again: its scenarios are counted from the first, and the
 * ones that failed there are run again here to report their own faults and trace hash.
 */
final class Explorer {
  /** Subtrees with more violations than this are not remembered for dedup. */
  private static final int MEMO_VIOLATIONS_MAX = 64;
  private static final int MEMO_ENTRIES_MAX = 1 << 16;
  private static final int VIOLATION_LOG_MAX = 1 << 16;

  private final Space space;
  private final int seedIndex;
  private final long seed;
  private final long taskIndex;
  private final int k;
  private final TaskResult result;
  private final Progress progress;

  // The path to where the walk stands: the choices taken so far (bits) and what they did.
  private final ArrayList<ScheduledFault> applied = new ArrayList<>();
  private final ArrayList<ScheduledFault> skipped = new ArrayList<>();

  /** Dedup: (depth, fingerprint) to what the subtree there found; looked up, never iterated. */
  private final Map<MemoKey, Subtree> memo = new HashMap<>();
  /** The scenario index of each violation so far, while short enough to remember. */
  private final List<Long> violationLog = new ArrayList<>();
  private boolean violationLogFull;

  private record MemoKey(int depth, long fingerprint) {}

  /** What a subtree found, relative to its root: its failing scenarios' offsets, and its counts. */
  private record Subtree(long[] failingOffsets, long[] skippedCounts, long scenariosRun) {}

  private Explorer(Space space, long taskIndex, Progress progress) {
    this.space = space;
    this.k = space.choiceCount();
    this.taskIndex = taskIndex;
    this.seedIndex = (int) (taskIndex >>> space.splitDepth);
    this.seed = space.seeds[seedIndex];
    this.result = new TaskResult(k, space.violationsKeptMax);
    this.progress = progress;
  }

  /** Explores task {@code taskIndex} (of {@link Space#taskCount()}). */
  static TaskResult explore(Space space, long taskIndex, Progress progress) {
    return new Explorer(space, taskIndex, progress).explore();
  }

  private TaskResult explore() {
    Simulation sim = space.origin.fromStart(seed, false);
    long prefixBits = taskIndex & ((1L << space.splitDepth) - 1);
    long firstScenario = taskIndex * space.scenariosPerTask();
    for (int depth = 0; depth < space.splitDepth; depth++) {
      boolean take = ((prefixBits >>> (space.splitDepth - 1 - depth)) & 1) != 0;
      Finding finding = ScenarioWalk.advance(space, sim, space.choices.get(depth).atMicros());
      if (finding == null && take) {
        finding = takeChoice(sim, depth, space.scenariosPerTask());
      }
      if (finding != null) {
        everyScenarioFails(firstScenario, space.scenariosPerTask(), finding);
        return result;
      }
    }
    walk(space.splitDepth, sim, firstScenario);
    return result;
  }

  /** Applies choice {@code depth} to {@code sim} or skips it; returns a failure of a restart's start. */
  private Finding takeChoice(Simulation sim, int depth, long scenariosBelow) {
    ScheduledFault choice = space.choices.get(depth);
    if (ScenarioWalk.applicable(sim, choice.fault())) {
      applied.add(choice);
      return ScenarioWalk.apply(space, sim, choice.fault());
    }
    skipped.add(choice);
    result.skippedCounts[depth] += scenariosBelow;
    return null;
  }

  /**
   * Every scenario under {@code sim}, which stands after choice {@code depth - 1}; the first of them
   * has index {@code firstScenario}.
   */
  private void walk(int depth, Simulation sim, long firstScenario) {
    long scenariosBelow = 1L << (k - depth);
    MemoKey key = null;
    if (space.dedup) {
      key = new MemoKey(depth, sim.fingerprint());
      Subtree known = memo.get(key);
      if (known != null) {
        replayKnown(depth, sim, firstScenario, known);
        return;
      }
    }
    long violationsBefore = result.violationCount;
    long runBefore = result.scenariosRunCount;
    long[] skippedBefore = space.dedup ? result.skippedCounts.clone() : null;
    if (depth == k) {
      finishScenario(sim, firstScenario);
    } else {
      branch(depth, sim, firstScenario, scenariosBelow);
    }
    if (key != null) {
      remember(key, firstScenario, violationsBefore, runBefore, skippedBefore);
    }
  }

  private void branch(int depth, Simulation sim, long firstScenario, long scenariosBelow) {
    ScheduledFault choice = space.choices.get(depth);
    Finding finding = ScenarioWalk.advance(space, sim, choice.atMicros());
    if (finding != null) {
      everyScenarioFails(firstScenario, scenariosBelow, finding);
      return;
    }
    Simulation taken = sim.fork();
    walk(depth + 1, sim, firstScenario);
    int appliedSize = applied.size();
    int skippedSize = skipped.size();
    finding = takeChoice(taken, depth, scenariosBelow / 2);
    if (finding != null) {
      everyScenarioFails(firstScenario + scenariosBelow / 2, scenariosBelow / 2, finding);
    } else {
      walk(depth + 1, taken, firstScenario + scenariosBelow / 2);
    }
    truncate(applied, appliedSize);
    truncate(skipped, skippedSize);
  }

  private static void truncate(List<ScheduledFault> list, int size) {
    while (list.size() > size) {
      list.remove(list.size() - 1);
    }
  }

  private void finishScenario(Simulation sim, long scenarioIndex) {
    Finding finding = ScenarioWalk.finish(space, sim, space.untilMicros);
    result.scenarioCount++;
    result.scenariosRunCount++;
    if (finding != null) {
      report(scenarioIndex, finding);
    }
    progress.scenariosDone(1, finding == null ? 0 : 1);
  }

  /** A failure before the remaining choices: each of the {@code count} scenarios from {@code first} fails with it. */
  private void everyScenarioFails(long first, long count, Finding finding) {
    for (long index = first; index < first + count; index++) {
      result.scenarioCount++;
      result.scenariosRunCount++;
      report(index, finding);
    }
    progress.scenariosDone(count, count);
  }

  private void report(long scenarioIndex, Finding finding) {
    if (!violationLogFull) {
      if (violationLog.size() < VIOLATION_LOG_MAX) {
        violationLog.add(scenarioIndex);
      } else {
        violationLogFull = true;
      }
    }
    if (result.keeps()) {
      result.add(Violation.of(space, scenarioIndex, seed, applied, skipped, space.untilMicros, finding));
    } else {
      result.violationCount++;
    }
  }

  private void remember(MemoKey key, long firstScenario, long violationsBefore, long runBefore, long[] skippedBefore) {
    int found = (int) Math.min(Integer.MAX_VALUE, result.violationCount - violationsBefore);
    if (memo.size() >= MEMO_ENTRIES_MAX || found > MEMO_VIOLATIONS_MAX || violationLogFull) {
      return;
    }
    long[] offsets = new long[found];
    for (int i = 0; i < found; i++) {
      offsets[i] = violationLog.get(violationLog.size() - found + i) - firstScenario;
    }
    long[] skippedCounts = new long[k];
    for (int i = 0; i < k; i++) {
      skippedCounts[i] = result.skippedCounts[i] - skippedBefore[i];
    }
    memo.put(key, new Subtree(offsets, skippedCounts, result.scenariosRunCount - runBefore));
  }

  /**
   * A subtree equal to one explored before: its scenarios count as they did there, and each one that
   * failed there runs again from here, so its violation has this path's faults and trace hash.
   */
  private void replayKnown(int depth, Simulation sim, long firstScenario, Subtree known) {
    long scenariosBelow = 1L << (k - depth);
    result.scenarioCount += scenariosBelow;
    result.scenariosDedupedCount += scenariosBelow;
    for (int i = 0; i < k; i++) {
      result.skippedCounts[i] += known.skippedCounts()[i];
    }
    int appliedSize = applied.size();
    int skippedSize = skipped.size();
    for (long offset : known.failingOffsets()) {
      Simulation copy = sim.fork();
      Finding finding = null;
      for (int d = depth; d < k && finding == null; d++) {
        finding = ScenarioWalk.advance(space, copy, space.choices.get(d).atMicros());
        boolean take = ((offset >>> (k - 1 - d)) & 1) != 0;
        if (finding == null && take) {
          finding = takeChoiceQuietly(copy, d);
        }
      }
      if (finding == null) {
        finding = ScenarioWalk.finish(space, copy, space.untilMicros);
      }
      if (finding != null) {
        report(firstScenario + offset, finding);
      }
      truncate(applied, appliedSize);
      truncate(skipped, skippedSize);
    }
    progress.scenariosDone(scenariosBelow, known.failingOffsets().length);
  }

  /** As {@link #takeChoice}, for a replayed scenario whose skips were counted with its subtree. */
  private Finding takeChoiceQuietly(Simulation sim, int depth) {
    ScheduledFault choice = space.choices.get(depth);
    if (ScenarioWalk.applicable(sim, choice.fault())) {
      applied.add(choice);
      return ScenarioWalk.apply(space, sim, choice.fault());
    }
    skipped.add(choice);
    return null;
  }
}
