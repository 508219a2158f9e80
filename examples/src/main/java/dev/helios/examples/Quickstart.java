package dev.helios.examples;

import dev.helios.runtime.RunResult;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;

/** The seed's quick start: a ping node, two echo nodes and a lossy network. */
public final class Quickstart {
  private Quickstart() {}

  /** The quick start simulation with {@code seed}. */
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

  public static void main(String[] args) {
    Simulation sim = build(42);
    RunResult result = sim.run();
    System.out.print(sim.traceText());
    System.out.println(result.summary());
    System.out.println(sim.summary());
  }
}
