package dev.helios.wasm;

import dev.helios.runtime.RunResult;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;

/**
 * The TeaVM entry point that runs the seed's quick start (seed 42) and prints its trace, its run
 * summary and the simulation's summary line, which ends with the trace hash.
 *
 * <p>The same class runs on the JVM; the two outputs must be equal, line for line. Under
 * WebAssembly, {@code System.out} goes to {@code console.log}.
 */
public final class QuickstartWasm {
  /** The quick start's seed, as in the design brief. */
  public static final long SEED = 42;

  private QuickstartWasm() {}

  /** The quick start simulation with {@code seed}: a ping node, two echo nodes, a lossy network. */
  public static Simulation build(long seed) {
    return SimulationBuilder.create()
        .ping(0)
        .echo(1)
        .echo(2)
        .lossyNetwork(10, 2, 0.1, seed) // 10 ms latency, 2 ms jitter, 10% loss
        .send(0, 1, "Hello", 100) //       at t = 100 ms
        .send(0, 2, "Hello", 100)
        .build();
  }

  /** Runs the quick start with {@link #SEED}; arguments are ignored. */
  public static void main(String[] args) {
    Simulation sim = build(SEED);
    RunResult result = sim.run();
    System.out.print(sim.traceText());
    System.out.println(result.summary());
    System.out.println(sim.summary());
  }
}
