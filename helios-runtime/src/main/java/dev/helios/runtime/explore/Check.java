package dev.helios.runtime.explore;

import dev.helios.runtime.Simulation;
import java.util.function.Predicate;

/**
 * A named predicate over a scenario's simulation, and when it is asked.
 *
 * @param withinMicros for {@link Kind#EVENTUALLY}, how long after the heal it may take; 0 otherwise
 */
record Check(String name, Kind kind, Predicate<Simulation> predicate, long withinMicros) {
  static final String RETURNED_FALSE = "returned false";

  /** When a check is asked. */
  enum Kind {
    /** Once, at the end of each scenario. */
    END,
    /** After every event. */
    ALWAYS,
    /** After the liveness heal, until it holds once; a violation if it has not held by the deadline. */
    EVENTUALLY
  }

  /**
   * Asks the predicate; returns null if it holds, or why it does not: it returned false or threw.
   */
  String ask(Simulation sim) {
    try {
      return predicate.test(sim) ? null : RETURNED_FALSE;
    } catch (RuntimeException | AssertionError e) {
      return "threw " + e;
    }
  }
}
