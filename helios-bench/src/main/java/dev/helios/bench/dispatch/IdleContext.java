package dev.helios.bench.dispatch;

import dev.helios.runtime.Context;
import dev.helios.runtime.SimRandom;

/** A {@link Context} for calling handlers outside a simulation; the dispatch handlers use none of it. */
final class IdleContext implements Context {
  private final SimRandom random = new SimRandom(1);

  @Override
  public int self() {
    return 0;
  }

  @Override
  public int sender() {
    return 0;
  }

  @Override
  public long nowMicros() {
    return 0;
  }

  @Override
  public void send(int to, Object message) {
    throw new UnsupportedOperationException("the dispatch benchmark sends nothing");
  }

  @Override
  public void reply(Object message) {
    throw new UnsupportedOperationException("the dispatch benchmark sends nothing");
  }

  @Override
  public long setTimerMicros(long delayMicros, Object message) {
    throw new UnsupportedOperationException("the dispatch benchmark sets no timers");
  }

  @Override
  public boolean cancelTimer(long timerId) {
    return false;
  }

  @Override
  public SimRandom random() {
    return random;
  }

  @Override
  public void log(String line) {}
}
