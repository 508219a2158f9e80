package dev.helios.runtime.explore;

import dev.helios.runtime.fault.ScheduledFault;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a violation smaller while it still fails the same check: first the fewest faults (every
 * subset by size when there are at most {@link #EXHAUSTIVE_MAX} faults, else removing one at a time
 * until none can go), then each fault as late as it still fails, then the earliest bound. Each
 * candidate is a whole run from the start; times move in whole milliseconds.
 */
final class Shrinker {
  static final int EXHAUSTIVE_MAX = 12;
  private static final long MS = 1000;

  private final Space space;
  private final Violation original;

  private Shrinker(Space space, Violation original) {
    this.space = space;
    this.original = original;
  }

  static Violation shrink(Space space, Violation violation) {
    return new Shrinker(space, violation).shrink();
  }

  private Violation shrink() {
    List<ScheduledFault> faults = fewestFaults(original.faults());
    faults = latestTimes(faults);
    long until = earliestBound(faults);
    Violation shrunk = attempt(faults, until);
    return shrunk != null ? shrunk : original;
  }

  /** The violation of the same check that {@code faults} and {@code until} give, or null. */
  private Violation attempt(List<ScheduledFault> faults, long untilMicros) {
    List<ScheduledFault> skipped = new ArrayList<>();
    Finding finding = ScenarioWalk.run(space, original.seed(), faults, untilMicros, false, null, skipped);
    if (finding == null || !finding.check().equals(original.check())) {
      return null;
    }
    List<ScheduledFault> applied = new ArrayList<>(faults);
    applied.removeAll(skipped);
    applied.sort((a, b) -> Long.compare(a.atMicros(), b.atMicros()));
    return Violation.of(space, original.scenarioIndex(), original.seed(), applied, skipped, untilMicros, finding);
  }

  private boolean fails(List<ScheduledFault> faults, long untilMicros) {
    return attempt(faults, untilMicros) != null;
  }

  private List<ScheduledFault> fewestFaults(List<ScheduledFault> faults) {
    long until = original.untilMicros();
    if (faults.size() <= EXHAUSTIVE_MAX) {
      for (int size = 0; size < faults.size(); size++) {
        List<ScheduledFault> found = firstFailingSubset(faults, size, until);
        if (found != null) {
          return found;
        }
      }
      return faults;
    }
    List<ScheduledFault> current = new ArrayList<>(faults);
    boolean removed = true;
    while (removed) {
      removed = false;
      for (int i = 0; i < current.size(); i++) {
        List<ScheduledFault> without = new ArrayList<>(current);
        without.remove(i);
        if (fails(without, until)) {
          current = without;
          removed = true;
          break;
        }
      }
    }
    return current;
  }

  /** The first subset of {@code size} faults (in the order of their bits) that still fails, or null. */
  private List<ScheduledFault> firstFailingSubset(List<ScheduledFault> faults, int size, long until) {
    int n = faults.size();
    for (int mask = 0; mask < (1 << n); mask++) {
      if (Integer.bitCount(mask) != size) {
        continue;
      }
      List<ScheduledFault> subset = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if ((mask & (1 << i)) != 0) {
          subset.add(faults.get(i));
        }
      }
      if (fails(subset, until)) {
        return subset;
      }
    }
    return null;
  }

  /** Each fault, latest first, moved as late as it still fails (binary search in whole ms). */
  private List<ScheduledFault> latestTimes(List<ScheduledFault> faults) {
    List<ScheduledFault> current = new ArrayList<>(faults);
    long limit = latestAllowed();
    for (int i = current.size() - 1; i >= 0; i--) {
      ScheduledFault fault = current.get(i);
      long low = fault.atMicros() / MS; // known to fail (or the original time, kept as is)
      long high = limit / MS;
      while (low < high) {
        long middle = low + (high - low + 1) / 2;
        List<ScheduledFault> moved = new ArrayList<>(current);
        moved.set(i, new ScheduledFault(fault.fault(), middle * MS));
        if (fails(moved, original.untilMicros())) {
          low = middle;
        } else {
          high = middle - 1;
        }
      }
      if (low * MS > fault.atMicros()) {
        current.set(i, new ScheduledFault(fault.fault(), low * MS));
      }
    }
    return current;
  }

  /** Faults stay before the heal (liveness) and before the violation itself. */
  private long latestAllowed() {
    long limit = original.timeMicros();
    if (space.liveness()) {
      limit = Math.min(limit, space.healMicros);
    }
    return limit;
  }

  /** The earliest bound in whole ms that still fails, for a scenario that ran to a bound. */
  private long earliestBound(List<ScheduledFault> faults) {
    long until = original.untilMicros();
    if (until < 0) {
      return until;
    }
    long low = 0;
    for (ScheduledFault fault : faults) {
      low = Math.max(low, fault.atMicros());
    }
    if (space.liveness()) {
      low = Math.max(low, space.livenessEndMicros());
    }
    low = (low + MS - 1) / MS;
    long high = until / MS;
    if (high * MS != until || !fails(faults, until)) {
      return until;
    }
    while (low < high) {
      long middle = low + (high - low) / 2;
      if (fails(faults, middle * MS)) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return high * MS;
  }
}
