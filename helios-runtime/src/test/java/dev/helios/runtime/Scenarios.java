package dev.helios.runtime;

/** Simulations several tests share. */
final class Scenarios {
  private Scenarios() {}

  /** The seed's quick start: ping node 0 greets echo nodes 1 and 2 over a lossy network. */
  static Simulation quickstart(long seed) {
    return SimulationBuilder.create()
        .ping(0)
        .echo(1)
        .echo(2)
        .lossyNetwork(10, 2, 0.1, seed)
        .send(0, 1, "Hello", 100)
        .send(0, 2, "Hello", 100)
        .build();
  }
}
