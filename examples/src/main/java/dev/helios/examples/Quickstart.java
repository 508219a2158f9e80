package dev.helios.examples;

import dev.helios.annotations.SimulationMain;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;

/**
 * The seed's quick start: a ping node, two echo nodes and a lossy network. The processor
 * generates {@code QuickstartMain}, which runs it from the command line.
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
}
