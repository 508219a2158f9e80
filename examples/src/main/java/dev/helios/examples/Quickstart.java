package dev.helios.examples;

import dev.helios.annotations.SimulationMain;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;
import dev.helios.runtime.explore.ScenarioBuilder;
import dev.helios.runtime.nodes.Ping;

/**
 * The seed's quick start: a ping node, two echo nodes and a lossy network, and the seed's
 * exploration of it. The processor generates {@code QuickstartMain}, which runs both from the
 * command line.
 */
@SimulationMain
public final class Quickstart {
  private Quickstart() {}

  /** The quick start simulation; the seed drives the network's loss and jitter. */
  public static Simulation build(long seed) {
    return SimulationBuilder.create()
        .ping(0) //                        node 0: built-in ping node
        .echo(1) //                        nodes 1, 2: built-in echo nodes
        .echo(2)
        .lossyNetwork(10, 2, 0.1, seed) // 10 ms latency, 2 ms jitter, 10% loss
        .send(0, 1, "Hello", 100) //       node 0 sends "Hello" to node 1 at t = 100 ms
        .send(0, 2, "Hello", 100)
        .build();
  }

  /**
   * The seed's explorer: node 1 crashes at 50 ms or not, nodes 0 and 2 are partitioned at 20 ms or
   * not, and node 0 must get both replies. {@code QuickstartMain --explore} runs it.
   */
  public static ScenarioBuilder scenarios(Simulation sim) {
    return ScenarioBuilder.of(sim)
        .maybeCrash(1, 50) //              branch: node 1 crashes at t = 50 ms, or not
        .maybePartition(0, 2, 20) //       branch: 0 and 2 partitioned at t = 20 ms, or not
        .check("liveness", s -> s.node(0, Ping.class).repliesReceived() == 2);
  }
}
