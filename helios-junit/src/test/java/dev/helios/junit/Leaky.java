package dev.helios.junit;

import dev.helios.annotations.SimulationMain;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;

/** Deliberately not deterministic: each build numbers its message from a counter shared by every build. */
@SimulationMain
final class Leaky {
  private static long builds;

  private Leaky() {}

  public static Simulation build(long seed) {
    return SimulationBuilder.create().ping(0).echo(1).seed(seed).send(0, 1, "build " + builds++, 5).build();
  }
}
