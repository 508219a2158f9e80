package dev.helios.examples.heartbeat;

import dev.helios.annotations.SimulationMain;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;
import dev.helios.runtime.explore.ScenarioBuilder;

/**
 * Six monitors run a heartbeat failure detector for 16 virtual seconds on a network that loses 2%
 * of messages: a long run (about 100,000 trace events) that shows the visualizer keeps up. Its
 * scenarios check completeness: a node that crashes is suspected by every live node within
 * 100 ms. {@code HeartbeatsMain --explore} runs them.
 */
@SimulationMain
public final class Heartbeats {
  static final int NODES = 6;
  static final long PERIOD_MICROS = 10_000;
  static final long TIMEOUT_MICROS = 45_000;

  private Heartbeats() {}

  public static Simulation build(long seed) {
    SimulationBuilder builder = SimulationBuilder.create();
    for (int id = 0; id < NODES; id++) {
      builder.node(id, () -> new Monitor(NODES));
    }
    return builder.lossyNetwork(2, 1, 0.02, seed).horizonMs(16_000).build();
  }

  /** Node 1 crashes at 2 s, or node 4 at 3 s, or both: every live monitor must suspect each within 100 ms. */
  public static ScenarioBuilder scenarios(Simulation sim) {
    return ScenarioBuilder.of(sim)
        .maybeCrash(1, 2_000)
        .maybeCrash(4, 3_000)
        .until(3_200)
        .check("crashed nodes are suspected", s -> {
          for (int crashed : s.nodeIds()) {
            if (!s.isCrashed(crashed)) {
              continue;
            }
            for (int monitor : s.nodeIds()) {
              if (!s.isCrashed(monitor) && !s.node(monitor, Monitor.class).suspects(crashed)) {
                return false;
              }
            }
          }
          return true;
        });
  }
}
