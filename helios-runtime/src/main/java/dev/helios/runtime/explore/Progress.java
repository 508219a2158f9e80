package dev.helios.runtime.explore;

/**
 * Where an exploration stands, told as scenarios finish. Reporting only: nothing here reaches a
 * simulation, so an implementation may read the wall clock. Called from the exploring threads.
 */
interface Progress {
  Progress NONE = (scenarios, violations) -> {};

  /** {@code scenarios} more scenarios are done, {@code violations} of them failed. */
  void scenariosDone(long scenarios, long violations);
}
