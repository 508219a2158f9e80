package dev.helios.wasm.demo;

import dev.helios.annotations.SimulationMain;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.explore.ScenarioBuilder;
import dev.helios.runtime.nodes.Ping;
import dev.helios.wasm.QuickstartWasm;

/**
 * The quick start as the site in {@code helios-wasm/target/site} serves it: the seed's simulation
 * and its exploration, registered for the visualizer by the processor like any user's
 * {@code @SimulationMain} class. It stays out of the {@code helios-wasm} jar (see the pom), so a
 * user's site lists only the user's simulations.
 */
@SimulationMain
public final class Quickstart {
  private Quickstart() {}

  public static Simulation build(long seed) {
    return QuickstartWasm.build(seed);
  }

  /** As the examples' quick start: node 1 crashes at 50 ms or not, 0 and 2 partitioned at 20 ms or not. */
  public static ScenarioBuilder scenarios(Simulation sim) {
    return ScenarioBuilder.of(sim)
        .maybeCrash(1, 50)
        .maybePartition(0, 2, 20)
        .check("liveness", s -> s.node(0, Ping.class).repliesReceived() == 2);
  }
}
