package dev.helios.runtime.explore;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.fault.ScheduledFault;
import java.util.List;
import java.util.Optional;

/**
 * One scenario run with its trace recorded: the simulation where it stopped (at the violation, if
 * a check failed), the violation if any, and the faults skipped because they could not apply.
 */
public record ScenarioRun(Simulation simulation, Optional<Violation> violation, List<ScheduledFault> skipped) {
  ScenarioRun(Simulation simulation, Violation violation, List<ScheduledFault> skipped) {
    this(simulation, Optional.ofNullable(violation), List.copyOf(skipped));
  }
}
