package dev.helios.runtime.explore;

import dev.helios.runtime.fault.ScheduledFault;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an exploration found: how many scenarios it covered, how many failed a check, the failing
 * ones (the first {@link #violationsKeptMax()} by scenario index; the rest are counted) and the
 * choices skipped where they could not apply. The same for any parallelism; a shard's result covers
 * its share, and {@link #merge} joins the shards into the result of the whole.
 */
public final class ExplorationResult {
  /** A choice that could not apply in some scenarios (a restart of a running node), and in how many. */
  public record SkippedChoice(ScheduledFault choice, long scenarioCount, String reason) {
    @Override
    public String toString() {
      return choice + ": skipped in " + scenarioCount + " scenarios (" + reason + ")";
    }
  }

  private final Space space;
  private final int shardIndex;
  private final int shardCount;
  private final long scenarioCount;
  private final long scenariosRunCount;
  private final long scenariosDedupedCount;
  private final long violationCount;
  private final long[] skippedCounts;
  private final List<Violation> violations;

  ExplorationResult(Space space, int shardIndex, int shardCount, TaskResult total) {
    this(space, shardIndex, shardCount, total.scenarioCount, total.scenariosRunCount, total.scenariosDedupedCount,
        total.violationCount, total.skippedCounts, total.violations);
  }

  ExplorationResult(
      Space space,
      int shardIndex,
      int shardCount,
      long scenarioCount,
      long scenariosRunCount,
      long scenariosDedupedCount,
      long violationCount,
      long[] skippedCounts,
      List<Violation> violations) {
    this.space = space;
    this.shardIndex = shardIndex;
    this.shardCount = shardCount;
    this.scenarioCount = scenarioCount;
    this.scenariosRunCount = scenariosRunCount;
    this.scenariosDedupedCount = scenariosDedupedCount;
    this.violationCount = violationCount;
    this.skippedCounts = skippedCounts.clone();
    this.violations = List.copyOf(violations);
  }

  /** The scenarios covered: every combination of the choices, for every seed (this shard's share of them). */
  public long scenarioCount() {
    return scenarioCount;
  }

  /** The scenarios that failed a check, kept or not. */
  public long violationCount() {
    return violationCount;
  }

  /** The failing scenarios kept, by scenario index: the first {@link #violationsKeptMax()}. */
  public List<Violation> violations() {
    return violations;
  }

  /** How many violations are kept at most; beyond it they are only counted. */
  public int violationsKeptMax() {
    return space.violationsKeptMax;
  }

  /** The scenarios run to their end; the others were covered by dedup. */
  public long scenariosRunCount() {
    return scenariosRunCount;
  }

  /** The scenarios covered by dedup: a branch equal (by fingerprint) to one already run. */
  public long scenariosDedupedCount() {
    return scenariosDedupedCount;
  }

  /** The choices that could not apply in some scenarios, in choice order. */
  public List<SkippedChoice> skippedChoices() {
    List<SkippedChoice> skipped = new ArrayList<>();
    for (int i = 0; i < skippedCounts.length; i++) {
      if (skippedCounts[i] > 0) {
        ScheduledFault choice = space.choices.get(i);
        skipped.add(new SkippedChoice(choice, skippedCounts[i], ScenarioWalk.skipReason(choice.fault())));
      }
    }
    return skipped;
  }

  /** This result's shard, from 0; 0 for a whole exploration. */
  public int shardIndex() {
    return shardIndex;
  }

  /** How many shards the space was cut into; 1 for a whole exploration. */
  public int shardCount() {
    return shardCount;
  }

  /**
   * A few lines: scenarios (run and deduplicated), violations (kept of found), the skipped choices,
   * then one line per distinct kept violation, with how many scenarios ended that way when more
   * than one did.
   */
  public String summary() {
    StringBuilder text = new StringBuilder();
    text.append("scenarios: ").append(scenarioCount).append(" (").append(scenariosRunCount).append(" run, ")
        .append(scenariosDedupedCount).append(" deduplicated)");
    if (shardCount > 1) {
      text.append(", shard ").append(shardIndex).append('/').append(shardCount);
    }
    text.append('\n').append("violations: ").append(violationCount);
    if (violationCount > violations.size()) {
      text.append(" (the first ").append(violations.size()).append(" kept; the cap is ").append(violationsKeptMax()).append(')');
    }
    text.append('\n');
    for (SkippedChoice skipped : skippedChoices()) {
      text.append("skipped: ").append(skipped).append('\n');
    }
    for (List<Violation> same : byOutcome()) {
      text.append("  ").append(same.get(0));
      if (same.size() > 1) {
        text.append(" [").append(same.size()).append(" scenarios]");
      }
      text.append('\n');
    }
    return text.toString();
  }

  /**
   * The kept violations with one per outcome: of those that failed the same check with the same
   * message at the same time under the same faults (scenarios that differ only in choices skipped
   * there, so the same run), the first by scenario index.
   */
  public List<Violation> distinctViolations() {
    List<Violation> distinct = new ArrayList<>();
    for (List<Violation> same : byOutcome()) {
      distinct.add(same.get(0));
    }
    return distinct;
  }

  /** The kept violations grouped by outcome, each group and the groups in scenario order. */
  private Collection<List<Violation>> byOutcome() {
    Map<String, List<Violation>> groups = new LinkedHashMap<>();
    for (Violation violation : violations) {
      String outcome = violation.timeMicros() + " " + violation.eventCount() + " " + violation;
      groups.computeIfAbsent(outcome, key -> new ArrayList<>()).add(violation);
    }
    return groups.values();
  }

  @Override
  public String toString() {
    return summary();
  }

  /** This result as text that {@link ScenarioBuilder#readResult} reads back: for shard files. */
  public String toText() {
    return ResultText.write(this);
  }

  /**
   * The result of the whole space from the results of its shards, each shard exactly once (any
   * order): equal to exploring the whole space in one run.
   *
   * @throws IllegalArgumentException if the results come from different spaces or shard counts, a
   *     shard is missing or given twice
   */
  public static ExplorationResult merge(List<ExplorationResult> shards) {
    if (shards.isEmpty()) {
      throw new IllegalArgumentException("no shard results to merge; give every shard's result once");
    }
    ExplorationResult first = shards.get(0);
    boolean[] seen = new boolean[first.shardCount];
    long scenarios = 0;
    long run = 0;
    long deduped = 0;
    long violationTotal = 0;
    long[] skipped = new long[first.skippedCounts.length];
    List<Violation> kept = new ArrayList<>();
    for (ExplorationResult shard : shards) {
      if (shard.space.digest != first.space.digest || shard.shardCount != first.shardCount) {
        throw new IllegalArgumentException(
            "shard " + shard.shardIndex + "/" + shard.shardCount + " comes from another exploration than shard "
                + first.shardIndex + "/" + first.shardCount + " (a different space or shard count); merge the shards of one run");
      }
      if (seen[shard.shardIndex]) {
        throw new IllegalArgumentException("shard " + shard.shardIndex + "/" + shard.shardCount + " is given twice; give each shard once");
      }
      seen[shard.shardIndex] = true;
      scenarios += shard.scenarioCount;
      run += shard.scenariosRunCount;
      deduped += shard.scenariosDedupedCount;
      violationTotal += shard.violationCount;
      for (int i = 0; i < skipped.length; i++) {
        skipped[i] += shard.skippedCounts[i];
      }
      kept.addAll(shard.violations);
    }
    for (int i = 0; i < seen.length; i++) {
      if (!seen[i]) {
        throw new IllegalArgumentException("shard " + i + "/" + first.shardCount + " is missing; merge every shard's result");
      }
    }
    kept.sort((a, b) -> Long.compare(a.scenarioIndex(), b.scenarioIndex()));
    List<Violation> first_ = kept.subList(0, Math.min(kept.size(), first.violationsKeptMax()));
    return new ExplorationResult(first.space, 0, 1, scenarios, run, deduped, violationTotal, skipped, first_);
  }

  Space space() {
    return space;
  }

  long[] skippedCounts() {
    return skippedCounts.clone();
  }
}
