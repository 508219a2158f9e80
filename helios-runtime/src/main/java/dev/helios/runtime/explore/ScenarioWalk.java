package dev.helios.runtime.explore;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationFailedException;
import dev.helios.runtime.fault.Fault;
import dev.helios.runtime.fault.ScheduledFault;
import dev.helios.runtime.trace.TraceFormats;
import java.util.ArrayList;
import java.util.List;

/**
 * How one scenario moves through time: up to a choice with the checks that apply on the way, a
 * choice taken or skipped, and the end (the liveness phase, the bound and the end checks). The
 * explorer walks shared prefixes with these; a replay, a shrink step and a run from scratch walk a
 * whole scenario with {@link #run}. Every step returns the first check that failed, or null.
 */
final class ScenarioWalk {
  private ScenarioWalk() {}

  /**
   * Runs {@code sim} through every event at or before {@code toMicros} and moves its clock there,
   * asking the always checks after each event.
   */
  static Finding advance(Space space, Simulation sim, long toMicros) {
    try {
      if (!space.anyAlways) {
        sim.runUntilMicros(Math.max(toMicros, sim.nowMicros()));
        return null;
      }
      Finding finding = stepThrough(space, sim, toMicros, List.of());
      if (finding != null) {
        return finding;
      }
      sim.runUntilMicros(Math.max(toMicros, sim.nowMicros()));
      return null;
    } catch (SimulationFailedException e) {
      return nodeFailure(sim, e);
    }
  }

  /**
   * Steps through the events at or before {@code toMicros}, asking the always checks after each and
   * the {@code pending} eventually checks (removing those that hold). Returns the first failure.
   */
  private static Finding stepThrough(Space space, Simulation sim, long toMicros, List<Check> pending) {
    while (true) {
      long next = sim.nextEventMicros();
      if (next < 0 || next > toMicros || !sim.step()) {
        return null;
      }
      Finding finding = askAlways(space, sim, null);
      if (finding != null) {
        return finding;
      }
      if (!pending.isEmpty()) {
        pending.removeIf(check -> check.ask(sim) == null);
        if (pending.isEmpty() && !space.anyAlways) {
          return null; // nothing left to ask event by event
        }
      }
    }
  }

  /** Asks the always checks after an event, or after {@code applied} if a fault was applied between events. */
  private static Finding askAlways(Space space, Simulation sim, Fault applied) {
    if (!space.anyAlways) {
      return null;
    }
    for (Check check : space.checks) {
      if (check.kind() == Check.Kind.ALWAYS) {
        String why = check.ask(sim);
        if (why != null) {
          String after = applied == null ? "event " + sim.eventCount() : "\"" + applied + "\"";
          return Finding.of(check.name(), why + " after " + after + " at " + TraceFormats.millis(sim.nowMicros()) + " ms", sim);
        }
      }
    }
    return null;
  }


  /** Why {@code fault} was skipped, for the report. */
  static String skipReason(Fault fault) {
    if (fault instanceof Fault.Crash) {
      return "the node was already crashed";
    }
    if (fault instanceof Fault.Restart) {
      return "the node was running";
    }
    return "it did not apply";
  }

  /**
   * Applies {@code fault} and asks the always checks, as after an event; a restart whose start
   * handler throws is a node failure.
   */
  static Finding apply(Space space, Simulation sim, Fault fault) {
    try {
      sim.apply(fault);
    } catch (SimulationFailedException e) {
      return nodeFailure(sim, e);
    }
    return askAlways(space, sim, fault);
  }

  /**
   * The scenario's end from where {@code sim} stands: the liveness phase when there are eventually
   * checks, then on to {@code untilMicros} (or until nothing is left, if -1), then the end checks.
   */
  static Finding finish(Space space, Simulation sim, long untilMicros) {
    if (space.liveness()) {
      Finding finding = liveness(space, sim);
      if (finding != null) {
        return finding;
      }
    }
    Finding finding = untilMicros >= 0 ? advance(space, sim, untilMicros) : runToTheEnd(space, sim);
    if (finding != null) {
      return finding;
    }
    for (Check check : space.checks) {
      if (check.kind() == Check.Kind.END) {
        String why = check.ask(sim);
        if (why != null) {
          return Finding.of(check.name(), why + " at the end, " + TraceFormats.millis(sim.nowMicros()) + " ms", sim);
        }
      }
    }
    return null;
  }

  private static Finding runToTheEnd(Space space, Simulation sim) {
    try {
      if (!space.anyAlways) {
        sim.run();
        return null;
      }
      return stepThrough(space, sim, Long.MAX_VALUE, List.of());
    } catch (SimulationFailedException e) {
      return nodeFailure(sim, e);
    }
  }

  /**
   * The liveness phase: at the heal time every crashed node restarts and every chosen partition and
   * link change is undone; then each eventually check must hold within its bound.
   */
  private static Finding liveness(Space space, Simulation sim) {
    Finding finding = advance(space, sim, space.healMicros);
    if (finding != null) {
      return finding;
    }
    for (int id : sim.nodeIds()) {
      if (sim.isCrashed(id)) {
        finding = apply(space, sim, new Fault.Restart(id));
        if (finding != null) {
          return finding;
        }
      }
    }
    for (Fault fault : space.healFaults) {
      finding = apply(space, sim, fault);
      if (finding != null) {
        return finding;
      }
    }
    List<Check> pending = new ArrayList<>();
    for (Check check : space.checks) {
      if (check.kind() == Check.Kind.EVENTUALLY && check.ask(sim) != null) {
        pending.add(check);
      }
    }
    try {
      while (!pending.isEmpty()) {
        Check first = pending.get(0);
        for (Check check : pending) {
          if (check.withinMicros() < first.withinMicros()) {
            first = check;
          }
        }
        long deadline = space.healMicros + first.withinMicros();
        finding = stepThrough(space, sim, deadline, pending);
        if (finding != null) {
          return finding;
        }
        if (pending.contains(first)) {
          sim.runUntilMicros(Math.max(deadline, sim.nowMicros()));
          String why = first.ask(sim);
          if (why != null) {
            return Finding.of(first.name(), "did not hold within " + TraceFormats.millis(first.withinMicros())
                + " ms of the heal at " + TraceFormats.millis(space.healMicros) + " ms"
                + (why.equals(Check.RETURNED_FALSE) ? "" : " (at the deadline it " + why + ")"), sim);
          }
          pending.remove(first);
        }
      }
    } catch (SimulationFailedException e) {
      return nodeFailure(sim, e);
    }
    return null;
  }

  /**
   * A failed run as a finding: a node's failure, or a fault the simulation scheduled that a choice
   * made impossible (the choices skip what cannot apply; the simulation's own faults are its
   * author's, so the conflict is reported rather than hidden).
   */
  private static Finding nodeFailure(Simulation sim, SimulationFailedException e) {
    String message = e.getMessage();
    int newline = message == null ? -1 : message.indexOf('\n');
    String firstLine = newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    return Finding.of(e.fault() != null ? Space.SCHEDULED_FAULT : Space.NODE_FAILURE, firstLine, sim);
  }

  /**
   * One whole scenario from the start: seed {@code seed}, the faults of {@code schedule} (by time,
   * same-time faults in list order) each applied if it can be and skipped if not, ending at
   * {@code untilMicros} (-1: when nothing is left). Returns the finding, or null; {@code skipped}
   * (if not null) receives the faults skipped.
   */
  static Finding run(Space space, long seed, List<ScheduledFault> schedule, long untilMicros, boolean recording, Simulation[] simOut, List<ScheduledFault> skipped) {
    Simulation sim = space.origin.fromStart(seed, recording);
    if (simOut != null) {
      simOut[0] = sim;
    }
    List<ScheduledFault> ordered = new ArrayList<>(schedule);
    ordered.sort((a, b) -> Long.compare(a.atMicros(), b.atMicros()));
    for (ScheduledFault fault : ordered) {
      Finding finding = advance(space, sim, fault.atMicros());
      if (finding != null) {
        return finding;
      }
      if (sim.canApply(fault.fault())) {
        finding = apply(space, sim, fault.fault());
        if (finding != null) {
          return finding;
        }
      } else if (skipped != null) {
        skipped.add(fault);
      }
    }
    return finish(space, sim, untilMicros);
  }
}
