package dev.helios.examples.raft;

import dev.helios.annotations.SimulationMain;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.explore.ScenarioBuilder;

/**
 * A Raft-replicated key-value store: five servers and two clients (see {@link RaftCluster}).
 * {@code RaftKvMain --explore} runs every combination of its crashes, restarts and isolations and
 * checks one leader per term, state machine safety, linearizability and that every request
 * completes once faults heal; it finds no violation.
 */
@SimulationMain
public final class RaftKv {
  private RaftKv() {}

  public static Simulation build(long seed) {
    return RaftCluster.build(seed, false);
  }

  public static ScenarioBuilder scenarios(Simulation sim) {
    return RaftCluster.scenarios(sim);
  }
}
