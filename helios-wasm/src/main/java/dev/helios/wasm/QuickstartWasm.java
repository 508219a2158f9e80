package dev.helios.wasm;

import dev.helios.runtime.RunResult;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;
import dev.helios.runtime.explore.ExplorationResult;
import dev.helios.runtime.explore.ScenarioBuilder;
import dev.helios.runtime.explore.Violation;
import dev.helios.runtime.trace.TraceEvent;
import dev.helios.runtime.trace.TraceFormats;
import java.util.List;

/**
 * The TeaVM entry point that runs the seed's quick start (seed 42) and prints its trace, its run
 * summary and the simulation's summary line, which ends with the trace hash; then a scenario with
 * faults and a fork ({@link #faultsAndFork}) and what it must reproduce exactly.
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

  /**
   * Five {@link Replica}s on a lossy, duplicating network; node 1 crashes and restarts, 0 and 2 are
   * partitioned for a while.
   */
  public static Simulation faultsAndFork(long seed) {
    SimulationBuilder builder = SimulationBuilder.create();
    for (int id = 0; id < 5; id++) {
      builder.node(id, () -> new Replica(5));
    }
    return builder
        .lossyNetwork(3, 2, 0.1, seed)
        .duplicationRatio(0.05)
        .crash(1, 100)
        .restart(1, 200)
        .partition(0, 2, 150)
        .heal(0, 2, 300)
        .horizonMs(600)
        .build();
  }

  /**
   * Four {@link Shapes} nodes: state and messages whose every shape a fork must copy exactly, on a
   * slightly lossy, jittery network.
   */
  public static Simulation shapes(long seed) {
    SimulationBuilder builder = SimulationBuilder.create();
    for (int id = 0; id < 4; id++) {
      builder.node(id, () -> new Shapes(4));
    }
    return builder.lossyNetwork(1, 1, 0.05, seed).horizonMs(120).build();
  }

  /**
   * An exploration of five {@link Replica}s: six choices, each kind of check. Sequential (no
   * {@code parallelism}), so no thread code is reachable from here.
   */
  public static ScenarioBuilder exploration(long seed) {
    SimulationBuilder builder = SimulationBuilder.create();
    for (int id = 0; id < 5; id++) {
      builder.node(id, () -> new Replica(5));
    }
    Simulation sim = builder.lossyNetwork(3, 2, 0.1, seed).build();
    return ScenarioBuilder.of(sim)
        .quiet()
        .maybeCrash(1, 20)
        .maybePartition(0, 2, 25)
        .maybeRestart(1, 40)
        .maybeIsolate(3, 45)
        .maybeLinkLossRatio(4, 0, 1.0, 50)
        .maybeCrash(4, 60)
        .always("no node restarts twice", s -> {
          for (int id : s.nodeIds()) {
            if (s.node(id, Replica.class).incarnation > 2) {
              return false;
            }
          }
          return true;
        })
        .eventually("node 0 hears from someone after the heal", s -> s.node(0, Replica.class).received > 10, 30)
        .check("node 3 logged 8 entries", s -> s.node(3, Replica.class).log.size() >= 8)
        .until(120);
  }

  /**
   * Runs the quick start, the faults-and-fork scenario, the shapes scenario and the exploration,
   * all with {@link #SEED}; arguments are ignored.
   */
  public static void main(String[] args) {
    Simulation sim = build(SEED);
    RunResult result = sim.run();
    System.out.print(TraceFormats.text(sim.trace()));
    System.out.println(result.summary());
    System.out.println(sim.summary());

    Simulation original = faultsAndFork(SEED);
    original.runUntilMicros(250_000);
    Simulation fork = original.fork();
    fork.isolate(3);
    fork.linkLossRatio(4, 0, 1.0);
    original.run();
    fork.run();
    for (Simulation copy : new Simulation[] {original, fork}) {
      System.out.println((copy == fork ? "fork" : "original") + ": " + copy.summary()
          + ", fingerprint: " + TraceFormats.hex(copy.fingerprint()) + ", trace events: " + copy.trace().size());
      System.out.println("  node 1: " + copy.describeNode(1));
      java.util.List<TraceEvent> trace = copy.trace();
      for (TraceEvent event : trace.subList(trace.size() - 4, trace.size())) {
        System.out.println("  " + event.toText());
      }
    }

    // Fork-then-run equals run, for state of every shape and a mutable message in flight: the fork
    // runs first, so anything it still shared with the original would show in the original's hash.
    Simulation unforked = shapes(SEED);
    unforked.run();
    Simulation shapesOriginal = shapes(SEED);
    shapesOriginal.runUntilMicros(61_000);
    Simulation shapesFork = shapesOriginal.fork();
    shapesFork.run();
    shapesOriginal.run();
    System.out.println("shapes: unforked " + TraceFormats.hex(unforked.traceHash()) + ", original "
        + TraceFormats.hex(shapesOriginal.traceHash()) + ", fork " + TraceFormats.hex(shapesFork.traceHash())
        + ", fingerprints equal: " + (unforked.fingerprint() == shapesFork.fingerprint()));
    System.out.println("  node 2: " + shapesFork.describeNode(2));
    List<TraceEvent> shapesTrace = shapesFork.trace();
    for (TraceEvent event : shapesTrace.subList(shapesTrace.size() - 3, shapesTrace.size())) {
      System.out.println("  " + event.toText());
    }

    // The explorer: the same scenarios, violations and trace hashes; a shrink and a replay.
    ExplorationResult explored = exploration(SEED).explore();
    System.out.print("explore: " + explored.summary());
    for (Violation violation : explored.violations()) {
      System.out.println("  " + violation.scenarioIndex() + " at " + violation.timeMicros() + " µs, hash " + TraceFormats.hex(violation.traceHash()));
    }
    if (!explored.violations().isEmpty()) {
      Violation shrunk = explored.violations().get(explored.violations().size() - 1).shrink();
      System.out.println("shrunk: " + shrunk + ", replay hash " + TraceFormats.hex(shrunk.replay().traceHash()));
    }
  }
}
