package dev.helios.runtime;

/** Why a run stopped. */
public enum StopReason {
  /** No events are left: the simulation has nothing more to do. */
  QUIESCENT("no events left"),
  /** The time given to {@code runUntil} was reached. */
  UNTIL_REACHED("reached the requested time"),
  /** The event budget ({@code eventsMax}) ran out. */
  EVENT_BUDGET("event budget exhausted"),
  /** The next event lies beyond the time horizon. */
  TIME_HORIZON("time horizon reached");

  private final String description;

  StopReason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** True for the limits that cut a run short: the event budget and the time horizon. */
  public boolean isLimit() {
    return this == EVENT_BUDGET || this == TIME_HORIZON;
  }
}
