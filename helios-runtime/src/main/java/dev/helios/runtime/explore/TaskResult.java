package dev.helios.runtime.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * What one task (or a whole exploration, once merged in task order) found: counts, the violations
 * kept (the first ones by scenario index, up to the space's cap) and how often each choice was skipped.
 */
final class TaskResult {
  long scenarioCount;
  long scenariosRunCount;
  long scenariosDedupedCount;
  long violationCount;
  final long[] skippedCounts;
  final List<Violation> violations = new ArrayList<>();
  private final int keptMax;

  TaskResult(int choiceCount, int keptMax) {
    this.skippedCounts = new long[choiceCount];
    this.keptMax = keptMax;
  }

  boolean keeps() {
    return violations.size() < keptMax;
  }

  void add(Violation violation) {
    violationCount++;
    if (keeps()) {
      violations.add(violation);
    }
  }

  /** Adds {@code other}, which covers later scenarios than this. */
  void addAll(TaskResult other) {
    scenarioCount += other.scenarioCount;
    scenariosRunCount += other.scenariosRunCount;
    scenariosDedupedCount += other.scenariosDedupedCount;
    violationCount += other.violationCount;
    for (int i = 0; i < skippedCounts.length; i++) {
      skippedCounts[i] += other.skippedCounts[i];
    }
    for (Violation violation : other.violations) {
      if (keeps()) {
        violations.add(violation);
      }
    }
  }
}
