package dev.helios.runtime.explore;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.fault.Fault;
import dev.helios.runtime.fault.ScheduledFault;
import dev.helios.runtime.internal.Fingerprints;
import java.util.ArrayList;
import java.util.List;

/**
 * The space an exploration covers, as {@link ScenarioBuilder} checked it: where every scenario
 * starts, the run seeds, the choices in the order they happen, the checks and the time bounds.
 * Immutable; shared by every thread of a parallel exploration, which only read it.
 */
final class Space {
  /** The name under which a node's failure (a handler or start that threw) is reported. */
  static final String NODE_FAILURE = "node failure";
  /**
   * The name under which a fault the simulation scheduled itself is reported when it cannot apply
   * in a scenario (a choice crashed the node it crashes first).
   */
  static final String SCHEDULED_FAULT = "scheduled fault";
  /** Spaces with up to this many choices are one task per seed: all prefixes shared, all dedup in one table. */
  static final int UNSPLIT_CHOICES_MAX = 6;
  /** Larger spaces are cut into 2^this tasks per seed, so threads and shards have parts to share out. */
  static final int SPLIT_DEPTH_MAX = 4;

  final Simulation origin;
  final long[] seeds;
  /** The choices by time; choices at the same time in the order they were declared. */
  final List<ScheduledFault> choices;
  final List<Check> checks;
  final boolean anyAlways;
  /** Where each scenario stops, or -1 to run until no event is left (or a limit is hit). */
  final long untilMicros;
  /** When the liveness phase heals everything (the last choice's time), or -1 without eventually checks. */
  final long healMicros;
  /** Faults the liveness heal applies besides restarts: heal-all if partitions are chosen, link resets. */
  final List<Fault> healFaults;
  final boolean dedup;
  final int violationsKeptMax;
  final int splitDepth;
  /** A digest of everything above that decides the results, so shard results of another space are refused. */
  final long digest;

  Space(
      Simulation origin,
      long[] seeds,
      List<ScheduledFault> choices,
      List<Check> checks,
      long untilMicros,
      boolean dedup,
      int violationsKeptMax) {
    this.origin = origin;
    this.seeds = seeds.clone();
    this.choices = List.copyOf(choices);
    this.checks = List.copyOf(checks);
    this.anyAlways = checks.stream().anyMatch(check -> check.kind() == Check.Kind.ALWAYS);
    this.untilMicros = untilMicros;
    boolean liveness = checks.stream().anyMatch(check -> check.kind() == Check.Kind.EVENTUALLY);
    this.healMicros = !liveness ? -1 : this.choices.isEmpty() ? 0 : this.choices.get(this.choices.size() - 1).atMicros();
    this.healFaults = liveness ? healFaults(origin, this.choices) : List.of();
    this.dedup = dedup;
    this.violationsKeptMax = violationsKeptMax;
    this.splitDepth = Math.max(0, Math.min(SPLIT_DEPTH_MAX, this.choices.size() - UNSPLIT_CHOICES_MAX));
    this.digest = digest();
  }

  private static List<Fault> healFaults(Simulation origin, List<ScheduledFault> choices) {
    List<Fault> faults = new ArrayList<>();
    boolean partitions = false;
    List<Long> links = new ArrayList<>();
    for (ScheduledFault choice : choices) {
      Fault fault = choice.fault();
      if (fault instanceof Fault.Partition || fault instanceof Fault.PartitionOneWay || fault instanceof Fault.Isolate) {
        partitions = true;
      }
      int[] nodes = fault.nodes();
      if (fault instanceof Fault.LinkLatency || fault instanceof Fault.LinkLossRatio || fault instanceof Fault.LinkDuplicationRatio) {
        long link = ((long) nodes[0] << 32) | (nodes[1] & 0xffffffffL);
        if (!links.contains(link)) {
          links.add(link);
        }
      }
    }
    if (partitions) {
      faults.add(new Fault.HealAll());
    }
    if (!links.isEmpty()) {
      Simulation start = origin.fromStart(origin.seed(), false);
      for (long link : links) {
        faults.addAll(start.linkSettings((int) (link >> 32), (int) link));
      }
    }
    return List.copyOf(faults);
  }

  int choiceCount() {
    return choices.size();
  }

  /** Tasks: each seed's space split at {@link #splitDepth}, the same for any parallelism or shard. */
  long taskCount() {
    return seeds.length * (1L << splitDepth);
  }

  long scenariosPerTask() {
    return 1L << (choices.size() - splitDepth);
  }

  boolean liveness() {
    return healMicros >= 0;
  }

  /** The liveness window's end: the heal plus the longest eventually check's bound. */
  long livenessEndMicros() {
    long within = 0;
    for (Check check : checks) {
      within = Math.max(within, check.withinMicros());
    }
    return healMicros + within;
  }

  private long digest() {
    long digest = Fingerprints.start("helios-space");
    digest = Fingerprints.mix(digest, origin.fromStart(origin.seed(), false).fingerprint());
    for (ScheduledFault fault : origin.faultsApplied()) {
      digest = Fingerprints.mix(digest, Fingerprints.ofString(fault.toString()));
    }
    for (long seed : seeds) {
      digest = Fingerprints.mix(digest, seed);
    }
    for (ScheduledFault choice : choices) {
      digest = Fingerprints.mix(digest, Fingerprints.ofString(choice.toString()));
    }
    for (Check check : checks) {
      digest = Fingerprints.mix(digest, Fingerprints.ofString(check.name()));
      digest = Fingerprints.mix(digest, check.kind().ordinal());
      digest = Fingerprints.mix(digest, check.withinMicros());
    }
    digest = Fingerprints.mix(digest, untilMicros);
    digest = Fingerprints.mix(digest, violationsKeptMax);
    return Fingerprints.finish(digest);
  }
}
