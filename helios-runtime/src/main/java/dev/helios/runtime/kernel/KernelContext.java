package dev.helios.runtime;

/** The one {@link Context} of a simulation, pointed at the current node before each handler. */
final class KernelContext implements Context {
  private final Simulation simulation;
  int self;
  int sender;

  KernelContext(Simulation simulation) {
    this.simulation = simulation;
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
  public long now() {
    return simulation.now();
  }

  @Override
  public void send(int to, Object message) {
    simulation.sendFrom(self, to, message);
  }

  @Override
  public void reply(Object message) {
    if (sender == NO_SENDER) {
      throw new IllegalStateException(
          "node " + self + " called reply in @OnStart, where there is no sender; use send(to, message)");
    }
    simulation.sendFrom(self, sender, message);
  }

  @Override
  public long setTimer(long delayMicros, Object message) {
    return simulation.setTimer(self, delayMicros, message);
  }

  @Override
  public boolean cancelTimer(long timerId) {
    return simulation.cancelTimer(self, timerId);
  }

  @Override
  public SimRandom random() {
    return simulation.randomOf(self);
  }

  @Override
  public void log(String line) {
    simulation.log(self, line);
  }
}
