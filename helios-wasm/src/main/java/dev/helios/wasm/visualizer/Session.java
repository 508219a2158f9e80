package dev.helios.wasm.visualizer;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationFailedException;
import dev.helios.runtime.fault.Fault;
import dev.helios.runtime.fault.ScheduledFault;
import java.util.ArrayList;
import java.util.List;

/**
 * One run the visualizer shows: a simulation driven one step at a time (an event, or a scheduled
 * fault applied), with a snapshot (a fork) kept every {@link #SNAPSHOT_EVERY_STEPS} steps so that
 * stepping back restores the nearest one and replays forward.
 *
 * <p>Faults apply as the generated main's {@code --faults} applies them: in time order, each once
 * every event at or before its time has run, a crash of a crashed node or a restart of a running
 * one skipped. So a run here and {@code FooMain --seed S --faults "..." [--until MS]} trace the
 * same events, and end with the same trace hash. A fault applied by hand joins the schedule at the
 * current time, so the schedule always says how to reproduce what is on screen.
 */
final class Session {
  static final int SNAPSHOT_EVERY_STEPS = 500;

  /** A fork of the simulation after {@code step} steps, with the schedule position it had. */
  private record Snapshot(long step, Simulation sim, int nextFault, List<ScheduledFault> skippedSoFar) {}

  private Simulation sim;
  /** Sorted by time, ties in the order given; {@link #nextFault} is the first not yet applied. */
  private final List<ScheduledFault> schedule;
  private int nextFault;
  private final List<ScheduledFault> skipped = new ArrayList<>();
  /**
   * Events run end the run at this count (a checked scenario's end), or Long.MAX_VALUE; lifted by a
   * fault applied by hand, which changes the future the count was taken from.
   */
  private long stopEventCount;
  /**
   * Events after this time are not run (the run's {@code until}; a checked scenario's end time), or
   * -1 for no bound; the clock ends there.
   */
  private final long untilMicros;
  private final List<Snapshot> snapshots = new ArrayList<>();
  /** The first step a snapshot cannot restore past (a branch starts at its fork). */
  private final long firstStep;
  private long step;
  private boolean done;
  private String endReason = "";
  private String failure;

  Session(Simulation start, List<ScheduledFault> faults, long stopEventCount, long untilMicros) {
    this(start, sortedByTime(faults), 0, stopEventCount, untilMicros, 0, List.of());
  }

  private Session(Simulation sim, List<ScheduledFault> schedule, int nextFault, long stopEventCount,
      long untilMicros, long step, List<ScheduledFault> skipped) {
    this.sim = sim;
    this.schedule = new ArrayList<>(schedule);
    this.nextFault = nextFault;
    this.stopEventCount = stopEventCount;
    this.untilMicros = untilMicros;
    this.step = step;
    this.firstStep = step;
    this.skipped.addAll(skipped);
    snapshots.add(new Snapshot(step, sim.fork(), nextFault, List.copyOf(skipped)));
  }

  private static List<ScheduledFault> sortedByTime(List<ScheduledFault> faults) {
    List<ScheduledFault> sorted = new ArrayList<>(faults);
    sorted.sort((a, b) -> Long.compare(a.atMicros(), b.atMicros())); // stable: ties keep their order
    return sorted;
  }

  Simulation simulation() {
    return sim;
  }

  long step() {
    return step;
  }

  long firstStep() {
    return firstStep;
  }

  boolean done() {
    return done;
  }

  String endReason() {
    return endReason;
  }

  /** The message of a node failure that ended the run, or null. */
  String failure() {
    return failure;
  }

  List<ScheduledFault> schedule() {
    return List.copyOf(schedule);
  }

  int nextFault() {
    return nextFault;
  }

  List<ScheduledFault> skipped() {
    return List.copyOf(skipped);
  }

  long untilMicros() {
    return untilMicros;
  }

  /** Runs up to {@code maxSteps} steps; returns how many ran (fewer when the run ends). */
  long advance(long maxSteps) {
    long ran = 0;
    while (ran < maxSteps && stepOnce()) {
      ran++;
    }
    return ran;
  }

  /**
   * Runs every step at or before {@code timeMicros}, then moves the clock there (not past the run's
   * {@code until}), so a fault applied by hand next lands at that time; stops at the end of the run.
   */
  void advanceToMicros(long timeMicros) {
    while (!done) {
      long next = nextStepMicros();
      if (next < 0 || next > timeMicros) {
        break;
      }
      if (!stepOnce()) {
        return;
      }
    }
    long to = untilMicros >= 0 ? Math.min(timeMicros, untilMicros) : timeMicros;
    if (!done && to > sim.nowMicros()) {
      sim.runUntilMicros(to); // nothing is due by then: only the clock moves
    }
  }

  /** The time of the next step (an event or a due fault), or -1 if the run has ended or nothing is left. */
  long nextStepMicros() {
    if (done) {
      return -1;
    }
    long next = sim.nextEventMicros();
    if (nextFault < schedule.size()) {
      long at = schedule.get(nextFault).atMicros();
      return next < 0 || next > at ? Math.max(at, sim.nowMicros()) : next;
    }
    return next;
  }

  /**
   * One step: the next due fault, else the next event; false (and the run marked ended) when
   * nothing is left, the run's bound or event count is reached, or a limit or a node failure stops it.
   */
  boolean stepOnce() {
    if (done) {
      return false;
    }
    try {
      long next = sim.nextEventMicros();
      if (nextFault < schedule.size()) {
        ScheduledFault due = schedule.get(nextFault);
        if (next < 0 || next > due.atMicros()) {
          sim.runUntilMicros(Math.max(due.atMicros(), sim.nowMicros()));
          if (sim.canApply(due.fault())) {
            sim.apply(due.fault());
          } else {
            skipped.add(due);
          }
          nextFault++;
          countStep();
          return true;
        }
      }
      if (sim.eventCount() >= stopEventCount) {
        moveClockToUntil(next);
        return end("the scenario's end");
      }
      if (untilMicros >= 0 && (next < 0 || next > untilMicros)) {
        moveClockToUntil(next);
        return end("until " + millis(untilMicros) + " ms");
      }
      if (next < 0) {
        return end("no events left");
      }
      if (!sim.step()) {
        return end("a limit of the simulation (its horizon or event budget)");
      }
      countStep();
      return true;
    } catch (SimulationFailedException e) {
      failure = e.getMessage();
      return end("a node failed");
    }
  }

  /** Moves the clock to the run's bound, as the end of a bounded run does, when no event comes before it. */
  private void moveClockToUntil(long nextEventMicros) {
    if (untilMicros > sim.nowMicros() && (nextEventMicros < 0 || nextEventMicros > untilMicros)) {
      sim.runUntilMicros(untilMicros);
    }
  }

  private void countStep() {
    step++;
    if (step % SNAPSHOT_EVERY_STEPS == 0 && snapshots.get(snapshots.size() - 1).step() < step) {
      snapshots.add(new Snapshot(step, sim.fork(), nextFault, List.copyOf(skipped)));
    }
  }

  private boolean end(String reason) {
    done = true;
    endReason = reason;
    return false;
  }

  /**
   * Moves to step {@code target} (back or forward): restores the nearest snapshot at or before it
   * and replays. A target before this session's first step goes to the first step.
   */
  void seek(long target) {
    long goal = Math.max(target, firstStep);
    if (goal >= step) {
      advance(goal - step);
      return;
    }
    Snapshot nearest = snapshots.get(0);
    for (Snapshot snapshot : snapshots) {
      if (snapshot.step() <= goal) {
        nearest = snapshot;
      }
    }
    sim = nearest.sim().fork();
    nextFault = nearest.nextFault();
    skipped.clear();
    skipped.addAll(nearest.skippedSoFar());
    step = nearest.step();
    done = false;
    endReason = "";
    failure = null;
    advance(goal - step);
  }

  /**
   * Applies {@code fault} at the current time: it joins the schedule after the faults already due
   * now, and the events left at this instant run first, as a scheduled fault would have them.
   *
   * @throws IllegalArgumentException if it names a node the simulation does not have, or cannot
   *     apply (a crash of a crashed node, a restart of a running one)
   * @throws IllegalStateException if the run has ended
   */
  void applyNow(Fault fault) {
    if (done) {
      throw new IllegalStateException("the run has ended (" + endReason + "); step back or reset to apply a fault");
    }
    for (int node : fault.nodes()) {
      if (!hasNode(node)) {
        throw new IllegalArgumentException("\"" + fault + "\" names node " + node + ", which this simulation does not have");
      }
    }
    if (!sim.canApply(fault)) {
      throw new IllegalArgumentException(
          "\"" + fault + "\" cannot apply now: " + (fault instanceof Fault.Crash ? "the node is already crashed" : "the node is running"));
    }
    long now = sim.nowMicros();
    int at = nextFault;
    while (at < schedule.size() && schedule.get(at).atMicros() <= now) {
      at++;
    }
    schedule.add(at, new ScheduledFault(fault, now));
    stopEventCount = Long.MAX_VALUE;
    snapshots.removeIf(snapshot -> snapshot.step() > step);
    while (nextFault <= at && stepOnce()) {
      // the events at this instant, the faults due before it, then the fault itself
    }
  }

  /** A branch from here: an independent copy of the run that starts at this step. */
  Session branch() {
    return new Session(sim.fork(), schedule, nextFault, stopEventCount, untilMicros, step, skipped);
  }

  private boolean hasNode(int node) {
    for (int id : sim.nodeIds()) {
      if (id == node) {
        return true;
      }
    }
    return false;
  }


  static String millis(long micros) {
    return dev.helios.runtime.trace.TraceFormats.millis(micros);
  }
}
