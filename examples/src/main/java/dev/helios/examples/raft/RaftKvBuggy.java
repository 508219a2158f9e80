package dev.helios.examples.raft;

import dev.helios.annotations.SimulationMain;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.explore.ScenarioBuilder;

/**
 * {@link RaftKv} with one bug: a leader counts a client's entry as committed as soon as it is in
 * its own log, applies it and answers the client, before a majority of servers holds it. Nothing
 * shows it until the leader crashes before its next heartbeat ships the entry: the next leader
 * never had it, and fills that index with something else. {@code RaftKvBuggyMain --explore}
 * finds it on the same space as {@code RaftKvMain --explore}.
 */
@SimulationMain
public final class RaftKvBuggy {
  private RaftKvBuggy() {}

  public static Simulation build(long seed) {
    return RaftCluster.build(seed, true);
  }

  public static ScenarioBuilder scenarios(Simulation sim) {
    return RaftCluster.scenarios(sim);
  }
}
