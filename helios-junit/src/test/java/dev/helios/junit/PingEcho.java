package dev.helios.junit;

import dev.helios.annotations.SimulationMain;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;

/** The tests' simulation: a ping node sends eight messages to two echo nodes over a lossy network. */
@SimulationMain
final class PingEcho {
  private PingEcho() {}

  public static Simulation build(long seed) {
    SimulationBuilder builder = SimulationBuilder.create().ping(0).echo(1).echo(2).lossyNetwork(5, 2, 0.1, seed);
    for (int i = 0; i < 8; i++) {
      builder.send(0, 1 + i % 2, "m" + i, 10 * i);
    }
    return builder.build();
  }
}
