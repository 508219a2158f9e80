package dev.helios.runtime.explore;

import dev.helios.runtime.Simulation;

/**
 * What a scenario found when a check failed: which check, why, and where the simulation stood. The
 * simulation is the one the scenario ran, stopped there.
 */
record Finding(String check, String message, long timeMicros, long eventCount, long traceHash, Simulation simulation) {
  static Finding of(String check, String message, Simulation sim) {
    return new Finding(check, message, sim.nowMicros(), sim.eventCount(), sim.traceHash(), sim);
  }

  /** This finding without its simulation, to remember it without keeping the simulation alive. */
  Finding withoutSimulation() {
    return new Finding(check, message, timeMicros, eventCount, traceHash, null);
  }
}
