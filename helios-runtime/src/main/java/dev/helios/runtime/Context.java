package dev.helios.runtime;

/**
 * What a handler may see and do while it handles one event. The kernel passes the same object to
 * every handler of a simulation, so a handler must not keep it beyond its own call.
 *
 * <p>Times follow the API's one rule: milliseconds unless the name ends in {@code Micros}.
 */
public interface Context {
  /** The sender of an {@code @OnStart} call, which has none. */
  int NO_SENDER = -1;

  /** The id of the node handling the event. */
  int self();

  /**
   * The id of the node that sent the message being handled: the node itself for a timer, and
   * {@link #NO_SENDER} in {@code @OnStart}.
   */
  int sender();

  /** The virtual time, in microseconds since the simulation started. */
  long nowMicros();

  /** Sends {@code message} to node {@code to} through the simulated network. */
  void send(int to, Object message);

  /** Sends {@code message} to {@link #sender()}; an error in {@code @OnStart}. */
  void reply(Object message);

  /**
   * Delivers {@code message} to this node after {@code delayMicros} (zero or more) unless the timer
   * is cancelled first; returns the timer's id.
   */
  long setTimerMicros(long delayMicros, Object message);

  /**
   * As {@link #setTimerMicros}, with the delay in milliseconds (zero or more; a delay too large to
   * count in microseconds lands beyond any horizon).
   */
  default long setTimerMs(long delayMs, Object message) {
    if (delayMs < 0) {
      throw new IllegalArgumentException(
          "node " + self() + " set a timer with a delay of " + delayMs + " ms; delays are zero or more");
    }
    return setTimerMicros(delayMs > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : delayMs * 1000, message);
  }

  /** Cancels a pending timer of this node; returns false if it already fired or was cancelled. */
  boolean cancelTimer(long timerId);

  /** This node's own seeded random stream. */
  SimRandom random();

  /** Records {@code line} in the trace, attributed to this node at the current time. */
  void log(String line);
}
