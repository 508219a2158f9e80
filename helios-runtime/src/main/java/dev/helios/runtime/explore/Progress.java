package dev.helios.runtime.explore;

/**
 * A listener told how an exploration stands as its scenarios finish: for a dashboard, a log, or a
 * measurement such as the time to the first violation ({@link ScenarioBuilder#progress}).
 * Reporting only: nothing here reaches a simulation, so an implementation may read the wall clock.
 * With {@link ScenarioBuilder#parallelism} it is called from the exploring threads, so it must be
 * thread-safe; the order of calls then depends on the threads, though the result does not.
 */
public interface Progress {
  /** Tells nothing. */
  Progress NONE = (scenarios, violations) -> {};

  /** {@code scenarios} more scenarios are done, {@code violations} of them failed. */
  void scenariosDone(long scenarios, long violations);
}
