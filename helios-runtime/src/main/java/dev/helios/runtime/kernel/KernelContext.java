package dev.helios.runtime.kernel;

import dev.helios.runtime.Context;
import dev.helios.runtime.SimRandom;

/** The one {@link Context} of a kernel, pointed at the current node before each handler. */
final class KernelContext implements Context {
  private final Kernel kernel;
  int self;
  int sender;

  KernelContext(Kernel kernel) {
    this.kernel = kernel;
  }

  @Override
  public int self() {
    return self;
  }

  @Override
  public int sender() {
    return sender;
  }

  @Override
  public long nowMicros() {
    return kernel.nowMicros();
  }

  @Override
  public void send(int to, Object message) {
    kernel.sendFrom(self, to, message);
  }

  @Override
  public void reply(Object message) {
    if (sender == NO_SENDER) {
      throw new IllegalStateException(
          "node " + self + " called reply in @OnStart, where there is no sender; use send(to, message)");
    }
    kernel.sendFrom(self, sender, message);
  }

  @Override
  public long setTimerMicros(long delayMicros, Object message) {
    return kernel.setTimer(self, delayMicros, message);
  }

  @Override
  public boolean cancelTimer(long timerId) {
    return kernel.cancelTimer(self, timerId);
  }

  @Override
  public SimRandom random() {
    return kernel.randomOf(self);
  }

  @Override
  public void log(String line) {
    kernel.log(self, line);
  }
}
