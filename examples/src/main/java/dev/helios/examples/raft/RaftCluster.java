package dev.helios.examples.raft;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;
import dev.helios.runtime.explore.ScenarioBuilder;

/**
 * The Raft example's cluster, faults and checks, shared by {@link RaftKv} and {@link RaftKvBuggy}:
 * five servers (nodes 0 to 4) and two clients (nodes 5 and 6) on a network that loses and
 * duplicates 1% of messages.
 */
final class RaftCluster {
  static final int SERVERS = 5;
  static final int[] CLIENTS = {5, 6};
  static final int OPERATIONS_PER_CLIENT = 40;
  /** A plain run ({@code --seed N}) stops here: heartbeats never let the cluster go quiet. */
  static final long HORIZON_MS = 3_000;
  /** When the explored faults strike, and how long clients may then take to finish once they are healed. */
  static final long CRASH_MS = 300;
  static final long ISOLATE_MS = 350;
  static final long RESTART_MS = 500;
  static final long COMPLETION_WITHIN_MS = 1_500;

  private RaftCluster() {}

  static Simulation build(long seed, boolean commitsOnAppend) {
    return builder(seed, commitsOnAppend).build();
  }

  /** The cluster, ready to build; tests add to it. */
  static SimulationBuilder builder(long seed, boolean commitsOnAppend) {
    SimulationBuilder builder = SimulationBuilder.create();
    for (int server = 0; server < SERVERS; server++) {
      builder.node(server, () -> new RaftServer(SERVERS, commitsOnAppend));
    }
    for (int client : CLIENTS) {
      builder.node(client, () -> new RaftClient(SERVERS, OPERATIONS_PER_CLIENT));
    }
    return builder.lossyNetwork(2, 1, 0.01, seed).duplicationRatio(0.01).horizonMs(HORIZON_MS);
  }

  /**
   * Any server may crash at 300 ms, servers 0 and 1 may be cut off at 350 ms, and any server may
   * restart at 500 ms; then everything heals and every client must finish within 1.5 s. Throughout: one
   * leader per term and state machine safety; at the end, the clients' history is linearizable.
   */
  static ScenarioBuilder scenarios(Simulation sim) {
    ScenarioBuilder space = ScenarioBuilder.of(sim);
    for (int server = 0; server < SERVERS; server++) {
      space.maybeCrash(server, CRASH_MS);
    }
    space.maybeIsolate(0, ISOLATE_MS).maybeIsolate(1, ISOLATE_MS);
    for (int server = 0; server < SERVERS; server++) {
      space.maybeRestart(server, RESTART_MS);
    }
    return space
        .always("one leader per term", RaftChecks::oneLeaderPerTerm)
        .always("state machine safety", RaftChecks::stateMachineSafety)
        .eventually("every request completes", RaftChecks::everyRequestCompleted, COMPLETION_WITHIN_MS)
        .check("linearizable", RaftChecks::linearizable)
        .until(RESTART_MS + COMPLETION_WITHIN_MS + 100);
  }
}
