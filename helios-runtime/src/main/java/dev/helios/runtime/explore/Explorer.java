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
 * ones that failed there are reported again with this path's faults (their trace hashes are worked
 * out from a replay when asked for).
 */
final class Explorer {
  /** Subtrees with more violations than this are not remembered for dedup. */
  private static final int MEMO_VIOLATIONS_MAX = 64;
  private static final int MEMO_ENTRIES_MAX = 1 << 16;
  private static final int VIOLATION_LOG_MAX = 1 << 16;

  private final Space space;
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
  /** Each violation so far, while short enough to remember (with dedup only): what a dedup hit reuses. */
  private final List<Failure> violationLog = new ArrayList<>();
  private boolean violationLogFull;

  private record MemoKey(int depth, long fingerprint) {}

  /** A failed scenario as a dedup hit reuses it: where it failed, and the faults it applied and skipped. */
  private record Failure(long scenarioIndex, Finding finding, List<ScheduledFault> applied, List<ScheduledFault> skipped) {}

  /**
   * A failed scenario of a remembered subtree, relative to its root: its offset, the finding, and
   * the faults it applied and skipped below the root.
   */
  private record FailureBelow(long offset, Finding finding, List<ScheduledFault> applied, List<ScheduledFault> skipped) {}

  /** What a subtree found, relative to its root: its failing scenarios, and its counts. */
  private record Subtree(List<FailureBelow> failures, long[] skippedCounts, long scenariosRun) {}

  private Explorer(Space space, long taskIndex, Progress progress) {
    this.space = space;
    this.k = space.choiceCount();
    this.taskIndex = taskIndex;
    this.seed = space.seeds[(int) (taskIndex >>> space.splitDepth)];
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
    if (sim.canApply(choice.fault())) {
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
        replayKnown(depth, firstScenario, known);
        return;
      }
    }
    long violationsBefore = result.violationCount;
    long runBefore = result.scenariosRunCount;
    int appliedAtRoot = applied.size();
    int skippedAtRoot = skipped.size();
    long[] skippedBefore = space.dedup ? result.skippedCounts.clone() : null;
    if (depth == k) {
      finishScenario(sim, firstScenario);
    } else {
      branch(depth, sim, firstScenario, scenariosBelow);
    }
    if (key != null) {
      remember(key, firstScenario, appliedAtRoot, skippedAtRoot, violationsBefore, runBefore, skippedBefore);
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
    record(scenarioIndex, finding, applied, skipped, true);
  }

  /**
   * Counts a violation, keeps it if under the cap, and logs it for dedup. {@code traceHashKnown}
   * is false for one found through dedup, whose finding's trace hash is another path's.
   */
  private void record(
      long scenarioIndex, Finding finding, List<ScheduledFault> appliedFaults, List<ScheduledFault> skippedFaults, boolean traceHashKnown) {
    if (space.dedup && !violationLogFull) {
      if (violationLog.size() < VIOLATION_LOG_MAX) {
        violationLog.add(new Failure(scenarioIndex, finding.withoutSimulation(), List.copyOf(appliedFaults), List.copyOf(skippedFaults)));
      } else {
        violationLogFull = true;
      }
    }
    if (!result.keeps()) {
      result.violationCount++;
    } else if (traceHashKnown) {
      result.add(Violation.of(space, scenarioIndex, seed, appliedFaults, skippedFaults, space.untilMicros, finding));
    } else {
      result.add(Violation.withTraceHashOnReplay(space, scenarioIndex, seed, appliedFaults, skippedFaults, space.untilMicros, finding));
    }
  }

  private void remember(
      MemoKey key, long firstScenario, int appliedAtRoot, int skippedAtRoot, long violationsBefore, long runBefore, long[] skippedBefore) {
    int found = (int) Math.min(Integer.MAX_VALUE, result.violationCount - violationsBefore);
    if (memo.size() >= MEMO_ENTRIES_MAX || found > MEMO_VIOLATIONS_MAX || violationLogFull) {
      return;
    }
    List<FailureBelow> failures = new ArrayList<>(found);
    for (Failure failure : violationLog.subList(violationLog.size() - found, violationLog.size())) {
      failures.add(new FailureBelow(failure.scenarioIndex() - firstScenario, failure.finding(),
          failure.applied().subList(appliedAtRoot, failure.applied().size()),
          failure.skipped().subList(skippedAtRoot, failure.skipped().size())));
    }
    long[] skippedCounts = new long[k];
    for (int i = 0; i < k; i++) {
      skippedCounts[i] = result.skippedCounts[i] - skippedBefore[i];
    }
    memo.put(key, new Subtree(List.copyOf(failures), skippedCounts, result.scenariosRunCount - runBefore));
  }

  /**
   * A subtree equal to one explored before: its scenarios count as they did there, and each one that
   * failed there fails here the same way (same state, same future), with this path's faults before
   * its own. Only its trace hash differs, as the trace so far does: the violation works it out from
   * a replay if it is asked for.
   */
  private void replayKnown(int depth, long firstScenario, Subtree known) {
    long scenariosBelow = 1L << (k - depth);
    result.scenarioCount += scenariosBelow;
    result.scenariosDedupedCount += scenariosBelow;
    for (int i = 0; i < k; i++) {
      result.skippedCounts[i] += known.skippedCounts()[i];
    }
    for (FailureBelow failure : known.failures()) {
      List<ScheduledFault> appliedHere = new ArrayList<>(applied);
      appliedHere.addAll(failure.applied());
      List<ScheduledFault> skippedHere = new ArrayList<>(skipped);
      skippedHere.addAll(failure.skipped());
      record(firstScenario + failure.offset(), failure.finding(), appliedHere, skippedHere, false);
    }
    progress.scenariosDone(scenariosBelow, known.failures().size());
  }

}
