package dev.helios.runtime.explore;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.fault.Fault;
import dev.helios.runtime.fault.ScheduledFault;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A space of scenarios and the checks each must pass: every combination of the "maybe" faults
 * (each one taken or not), for every run seed. {@link #explore()} runs them all, sharing common
 * prefixes through forks, and returns the violations.
 *
 * <p>Every scenario starts where {@code sim} started: its seed (or each of {@link #seeds}), nodes,
 * network and scheduled sends and faults, with the faults applied to it by hand rescheduled at their
 * times ({@link Simulation#fromStart}). So {@code sim} may be explored whether it has run or not.
 * Times are in milliseconds, as everywhere in the API except names ending in {@code Micros}.
 *
 * <pre>{@code
 * ExplorationResult result = ScenarioBuilder.of(sim)
 *     .maybeCrash(1, 50)
 *     .maybePartition(0, 2, 20)
 *     .check("liveness", s -> ...)
 *     .explore();
 * }</pre>
 *
 * <p>Checks see the scenario's simulation and must only read it. They should depend on the state,
 * not on the trace: dedup treats branches with equal fingerprints (which leave out the trace) as equal.
 */
public final class ScenarioBuilder {
  /** The most choices: 2^40 scenarios per seed are already far more than any machine runs. */
  public static final int CHOICES_MAX = 40;
  /** How many violations are kept unless {@link #violationsKept} says otherwise. */
  public static final int DEFAULT_VIOLATIONS_KEPT = 1000;

  private final Simulation sim;
  private final List<Integer> nodeIds;
  private final List<ScheduledFault> choices = new ArrayList<>();
  private final List<Check> checks = new ArrayList<>();
  private long[] seeds;
  private long untilMicros = -1;
  private boolean dedup = true;
  private boolean dedupSet;
  private int parallelism = 1;
  private TaskRunner runner = TaskRunner.SEQUENTIAL;
  private int shardIndex = 0;
  private int shardCount = 1;
  private int violationsKeptMax = DEFAULT_VIOLATIONS_KEPT;
  private boolean violationsKeptSet;
  private boolean quiet;
  private Progress listener;

  private ScenarioBuilder(Simulation sim) {
    this.sim = sim;
    List<Integer> ids = new ArrayList<>();
    for (int id : sim.nodeIds()) {
      ids.add(id);
    }
    this.nodeIds = List.copyOf(ids);
  }

  /** The space of {@code sim}'s scenarios, with no choices yet: built, run or not yet run. */
  public static ScenarioBuilder of(Simulation sim) {
    return new ScenarioBuilder(Objects.requireNonNull(sim, "sim"));
  }

  // ---- choices ----

  /** Branch: node {@code node} crashes at {@code atMs}, or not. Skipped where it is already crashed. */
  public ScenarioBuilder maybeCrash(int node, long atMs) {
    return maybe(new Fault.Crash(node), atMs);
  }

  /** Branch: node {@code node} restarts at {@code atMs}, or not. Skipped where it is running. */
  public ScenarioBuilder maybeRestart(int node, long atMs) {
    return maybe(new Fault.Restart(node), atMs);
  }

  /** Branch: {@code a} and {@code b} are partitioned (both ways) at {@code atMs}, or not. */
  public ScenarioBuilder maybePartition(int a, int b, long atMs) {
    return maybe(new Fault.Partition(a, b), atMs);
  }

  /** Branch: messages from {@code from} to {@code to} are dropped from {@code atMs} on, or not. */
  public ScenarioBuilder maybePartitionOneWay(int from, int to, long atMs) {
    return maybe(new Fault.PartitionOneWay(from, to), atMs);
  }

  /** Branch: the partition between {@code a} and {@code b} heals at {@code atMs}, or not. */
  public ScenarioBuilder maybeHeal(int a, int b, long atMs) {
    return maybe(new Fault.Heal(a, b), atMs);
  }

  /** Branch: {@code node} is partitioned from every other node at {@code atMs}, or not. */
  public ScenarioBuilder maybeIsolate(int node, long atMs) {
    return maybe(new Fault.Isolate(node), atMs);
  }

  /** Branch: every partition heals at {@code atMs}, or not. */
  public ScenarioBuilder maybeHealAll(long atMs) {
    return maybe(new Fault.HealAll(), atMs);
  }

  /** Branch: the link {@code from -> to} gets {@code latencyMs} and {@code jitterMs} at {@code atMs}, or not. */
  public ScenarioBuilder maybeLinkLatency(int from, int to, long latencyMs, long jitterMs, long atMs) {
    return maybe(new Fault.LinkLatency(from, to, millisToMicros("latency", latencyMs), millisToMicros("jitter", jitterMs)), atMs);
  }

  /** Branch: the link {@code from -> to} loses {@code lossRatio} of its messages from {@code atMs} on, or not. */
  public ScenarioBuilder maybeLinkLossRatio(int from, int to, double lossRatio, long atMs) {
    return maybe(new Fault.LinkLossRatio(from, to, lossRatio), atMs);
  }

  /** Branch: the link {@code from -> to} duplicates {@code duplicationRatio} of its messages from {@code atMs} on, or not. */
  public ScenarioBuilder maybeLinkDuplicationRatio(int from, int to, double duplicationRatio, long atMs) {
    return maybe(new Fault.LinkDuplicationRatio(from, to, duplicationRatio), atMs);
  }

  /** Branch: {@code fault} at {@code atMs}, or not. */
  public ScenarioBuilder maybe(Fault fault, long atMs) {
    return maybe(new ScheduledFault(Objects.requireNonNull(fault, "fault"), millisToMicros("the time of \"" + fault + "\"", atMs)));
  }

  /** Branch: {@code fault} at its time, or not. */
  public ScenarioBuilder maybe(ScheduledFault fault) {
    Objects.requireNonNull(fault, "fault");
    for (int node : fault.fault().nodes()) {
      if (!nodeIds.contains(node)) {
        throw new IllegalArgumentException(
            "choice \"" + fault + "\" names node " + node + ", which does not exist; the nodes are " + nodeIds);
      }
    }
    if (choices.contains(fault)) {
      throw new IllegalArgumentException("choice \"" + fault + "\" is given twice; give each choice once");
    }
    if (choices.size() == CHOICES_MAX) {
      throw new IllegalArgumentException(
          "choice \"" + fault + "\" would be choice " + (CHOICES_MAX + 1) + "; at most " + CHOICES_MAX
              + " choices (2^" + CHOICES_MAX + " scenarios per seed) are explored; split the space");
    }
    choices.add(fault);
    return this;
  }

  /** Branches, one per line of fault text ({@code "crash 1 @ 50ms; partition 0-2 @ 20ms"}), each taken or not. */
  public ScenarioBuilder maybe(String script) {
    for (ScheduledFault fault : ScheduledFault.parseAll(script)) {
      maybe(fault);
    }
    return this;
  }

  // ---- seeds and bounds ----

  /** Crosses the space with these run seeds (in this order), instead of the simulation's own. */
  public ScenarioBuilder seeds(long... seeds) {
    if (this.seeds != null) {
      throw new IllegalStateException("seeds are already set to " + Arrays.toString(this.seeds) + "; set them once");
    }
    if (seeds.length == 0) {
      throw new IllegalArgumentException("seeds: give at least one seed");
    }
    long[] sorted = seeds.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        throw new IllegalArgumentException("seed " + sorted[i] + " is given twice; give each seed once");
      }
    }
    this.seeds = seeds.clone();
    return this;
  }

  /** Crosses the space with the run seeds {@code first} to {@code last}, both included. */
  public ScenarioBuilder seedRange(long first, long last) {
    if (last < first || last - first >= Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "seed range " + first + ".." + last + " is " + (last < first ? "empty" : "too long") + "; give first <= last, fewer than 2^31 seeds");
    }
    long[] range = new long[(int) (last - first + 1)];
    for (int i = 0; i < range.length; i++) {
      range[i] = first + i;
    }
    return seeds(range);
  }

  /** Each scenario stops at {@code untilMs}; without it, a scenario runs until no event is left (or a limit is hit). */
  public ScenarioBuilder until(long untilMs) {
    if (untilMicros >= 0) {
      throw new IllegalStateException("until is already " + untilMicros / 1000 + " ms; set it once");
    }
    untilMicros = millisToMicros("until", untilMs);
    return this;
  }

  // ---- checks ----

  /** At the end of each scenario, {@code predicate} must hold: returning false or throwing is a violation. */
  public ScenarioBuilder check(String name, Predicate<Simulation> predicate) {
    return addCheck(name, Check.Kind.END, predicate, 0);
  }

  /** After every event of each scenario, {@code predicate} must hold. */
  public ScenarioBuilder always(String name, Predicate<Simulation> predicate) {
    return addCheck(name, Check.Kind.ALWAYS, predicate, 0);
  }

  /**
   * Liveness: after the last choice's time every crashed node restarts and every chosen partition
   * and link change is undone, and from then {@code predicate} must hold within {@code withinMs}.
   */
  public ScenarioBuilder eventually(String name, Predicate<Simulation> predicate, long withinMs) {
    return addCheck(name, Check.Kind.EVENTUALLY, predicate, millisToMicros("eventually \"" + name + "\": within", withinMs));
  }

  private ScenarioBuilder addCheck(String name, Check.Kind kind, Predicate<Simulation> predicate, long withinMicros) {
    Objects.requireNonNull(predicate, "predicate");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a check needs a name, got " + (name == null ? "null" : "\"" + name + "\""));
    }
    if (name.equals(Space.NODE_FAILURE)) {
      throw new IllegalArgumentException("\"" + Space.NODE_FAILURE + "\" names a node's failure in reports; give the check another name");
    }
    if (name.equals(Space.SCHEDULED_FAULT)) {
      throw new IllegalArgumentException("\"" + Space.SCHEDULED_FAULT
          + "\" names a scheduled fault that cannot apply in reports; give the check another name");
    }
    for (Check check : checks) {
      if (check.name().equals(name)) {
        throw new IllegalArgumentException("a check named \"" + name + "\" exists already; give each check its own name");
      }
    }
    checks.add(new Check(name, kind, predicate, withinMicros));
    return this;
  }

  // ---- how to explore ----

  /** Turns dedup (branches with equal fingerprints at the same depth run once) on or off; on by default. */
  public ScenarioBuilder dedup(boolean dedup) {
    if (dedupSet) {
      throw new IllegalStateException("dedup is already " + this.dedup + "; set it once");
    }
    this.dedup = dedup;
    this.dedupSet = true;
    return this;
  }

  /**
   * Explores independent parts of the space on {@code threads} threads, each simulation still on
   * one thread. The result is the same for any value.
   */
  public ScenarioBuilder parallelism(int threads) {
    if (parallelism != 1 || runner != TaskRunner.SEQUENTIAL) {
      throw new IllegalStateException("parallelism is already " + parallelism + "; set it once");
    }
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("parallelism must be 1 to 1024 threads, got " + threads);
    }
    this.parallelism = threads;
    this.runner = threads == 1 ? TaskRunner.SEQUENTIAL : new ThreadedTaskRunner(threads);
    return this;
  }

  /** Explores only shard {@code index} of {@code count} (a fixed share of the space); {@link ExplorationResult#merge} joins them. */
  public ScenarioBuilder shard(int index, int count) {
    if (shardCount != 1) {
      throw new IllegalStateException("the shard is already " + shardIndex + "/" + shardCount + "; set it once");
    }
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "shard " + index + "/" + count + " does not exist: give a count of 1 or more and an index from 0 to count - 1");
    }
    this.shardIndex = index;
    this.shardCount = count;
    return this;
  }

  /** Keeps the first {@code max} violations (by scenario index); the others are counted. */
  public ScenarioBuilder violationsKept(int max) {
    if (violationsKeptSet) {
      throw new IllegalStateException("violationsKept is already " + violationsKeptMax + "; set it once");
    }
    if (max < 1) {
      throw new IllegalArgumentException("violationsKept must be 1 or more, got " + max);
    }
    this.violationsKeptMax = max;
    this.violationsKeptSet = true;
    return this;
  }

  /** No progress line on stderr (printed by default when stderr is a terminal). */
  public ScenarioBuilder quiet() {
    this.quiet = true;
    return this;
  }

  /**
   * Tells {@code listener} how {@link #explore()} stands as scenarios finish, instead of the
   * progress line on stderr. It only watches: the result is the same with or without it.
   */
  public ScenarioBuilder progress(Progress listener) {
    if (listener == null) {
      throw new IllegalArgumentException("progress needs a listener, got null; use quiet() for none");
    }
    if (this.listener != null) {
      throw new IllegalStateException("progress already has a listener; set it once");
    }
    this.listener = listener;
    return this;
  }

  // ---- running ----

  /** Runs every scenario of the space (this shard's share), sharing prefixes, and returns what failed. */
  public ExplorationResult explore() {
    Space space = space();
    long[] tasks = shardTasks(space);
    long total = tasks.length * space.scenariosPerTask();
    Progress progress = listener != null ? listener : quiet ? Progress.NONE : TerminalProgress.forTerminal(total);
    TaskResult whole = new TaskResult(space.choiceCount(), space.violationsKeptMax);
    runner.run(tasks, task -> Explorer.explore(space, task, progress), whole::addAll);
    if (progress instanceof TerminalProgress terminal) {
      terminal.finish();
    }
    return new ExplorationResult(space, shardIndex, shardCount, whole);
  }

  /**
   * Runs every scenario of the space from the start, one after another, with no forks and no dedup:
   * the reference {@link #explore()} must equal, and a baseline for its speed.
   */
  public ExplorationResult exploreFromScratch() {
    Space space = space();
    TaskResult whole = new TaskResult(space.choiceCount(), space.violationsKeptMax);
    int k = space.choiceCount();
    for (long task : shardTasks(space)) {
      long first = task * space.scenariosPerTask();
      for (long index = first; index < first + space.scenariosPerTask(); index++) {
        int seedIndex = (int) (index >>> k);
        List<ScheduledFault> taken = new ArrayList<>();
        for (int d = 0; d < k; d++) {
          if (((index >>> (k - 1 - d)) & 1) != 0) {
            taken.add(space.choices.get(d));
          }
        }
        List<ScheduledFault> skipped = new ArrayList<>();
        Finding finding = ScenarioWalk.run(space, space.seeds[seedIndex], taken, space.untilMicros, false, null, skipped);
        whole.scenarioCount++;
        whole.scenariosRunCount++;
        for (ScheduledFault fault : skipped) {
          whole.skippedCounts[space.choices.indexOf(fault)]++;
        }
        if (finding != null) {
          List<ScheduledFault> applied = new ArrayList<>(taken);
          applied.removeAll(skipped);
          whole.add(Violation.of(space, index, space.seeds[seedIndex], applied, skipped, space.untilMicros, finding));
        }
      }
    }
    return new ExplorationResult(space, shardIndex, shardCount, whole);
  }

  /**
   * One scenario of this space: run seed {@code seed} and {@code faults} (each applied at its time,
   * skipped where it cannot apply), with the trace recorded, the liveness phase and the checks.
   */
  public ScenarioRun runScenario(long seed, List<ScheduledFault> faults) {
    Space space = space();
    return runScenario(space, seed, faults, space.untilMicros);
  }

  /**
   * One scenario of this space, as {@link #runScenario(long, List)} runs it but ending at
   * {@code untilMs} instead of the space's bound: the scenario that a shrunk violation's
   * {@link Violation#replayArguments()} names with {@code --until}.
   *
   * @throws IllegalArgumentException if {@code untilMs} is negative, before one of the faults, or
   *     before the end of the liveness window
   */
  public ScenarioRun runScenario(long seed, List<ScheduledFault> faults, long untilMs) {
    long untilMicros = millisToMicros("until", untilMs);
    Space space = space();
    for (ScheduledFault fault : faults) {
      if (fault.atMicros() > untilMicros) {
        throw new IllegalArgumentException(
            "until " + untilMs + " ms is before \"" + fault + "\"; bound the scenario after every fault");
      }
    }
    if (space.liveness() && untilMicros < space.livenessEndMicros()) {
      throw new IllegalArgumentException(
          "until " + untilMs + " ms ends before the liveness window, which runs to " + space.livenessEndMicros() / 1000
              + " ms (the heal at the last choice plus the longest eventually bound)");
    }
    return runScenario(space, seed, faults, untilMicros);
  }

  private static ScenarioRun runScenario(Space space, long seed, List<ScheduledFault> faults, long untilMicros) {
    Simulation[] run = new Simulation[1];
    List<ScheduledFault> skipped = new ArrayList<>();
    Finding finding = ScenarioWalk.run(space, seed, faults, untilMicros, true, run, skipped);
    List<ScheduledFault> applied = new ArrayList<>(faults);
    applied.removeAll(skipped);
    applied.sort((a, b) -> Long.compare(a.atMicros(), b.atMicros()));
    Violation violation = finding == null ? null : Violation.of(space, -1, seed, applied, skipped, untilMicros, finding);
    return new ScenarioRun(run[0], violation, skipped);
  }

  /** A result written by {@link ExplorationResult#toText()} for this same space, read back. */
  public ExplorationResult readResult(String text) {
    return ResultText.read(space(), text);
  }

  private long[] shardTasks(Space space) {
    long count = space.taskCount();
    long[] tasks = new long[(int) ((count - shardIndex + shardCount - 1) / shardCount)];
    for (int i = 0; i < tasks.length; i++) {
      tasks[i] = shardIndex + (long) i * shardCount;
    }
    return tasks;
  }

  private Space space() {
    if (checks.isEmpty()) {
      throw new IllegalStateException("no checks: add check(...), always(...) or eventually(...) so a scenario can fail");
    }
    long[] runSeeds = seeds != null ? seeds : new long[] {sim.seed()};
    List<ScheduledFault> ordered = new ArrayList<>(choices);
    ordered.sort((a, b) -> Long.compare(a.atMicros(), b.atMicros())); // stable: same-time choices as declared
    long lastChoiceMicros = ordered.isEmpty() ? 0 : ordered.get(ordered.size() - 1).atMicros();
    if (untilMicros >= 0 && untilMicros < lastChoiceMicros) {
      throw new IllegalStateException(
          "until " + untilMicros / 1000 + " ms is before the last choice, \"" + ordered.get(ordered.size() - 1)
              + "\"; bound the scenarios after every choice");
    }
    Space space = new Space(sim, runSeeds, ordered, checks, untilMicros, dedup, violationsKeptMax);
    if (untilMicros >= 0 && space.liveness() && untilMicros < space.livenessEndMicros()) {
      throw new IllegalStateException(
          "until " + untilMicros / 1000 + " ms ends before the liveness window, which runs to "
              + space.livenessEndMicros() / 1000 + " ms (the heal at the last choice plus the longest eventually bound)");
    }
    if (runSeeds.length > (Long.MAX_VALUE >>> choices.size()) / 2) {
      throw new IllegalStateException("the space holds more than 2^62 scenarios; use fewer seeds or choices");
    }
    return space;
  }

  private static long millisToMicros(String what, long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException(what + " must be zero or more, got " + millis + " ms");
    }
    if (millis > Long.MAX_VALUE / 1000) {
      throw new IllegalArgumentException(what + " of " + millis + " ms is too large: times count in µs, up to " + Long.MAX_VALUE / 1000 + " ms");
    }
    return millis * 1000;
  }
}
