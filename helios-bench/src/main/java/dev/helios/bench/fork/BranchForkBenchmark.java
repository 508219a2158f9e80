package dev.helios.bench.fork;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;
import dev.helios.runtime.kernel.Kernel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A branch that touches few nodes of a large simulation: 1,000 {@link LedgerNode}s (50 log entries
 * each, start events already run), forked, and the fork run on through ten scheduled appends to ten
 * nodes, 20 events. With copy on first touch ({@link Kernel#fork()}, what {@code Simulation.fork()}
 * calls) the branch copies the ten nodes it delivers to; an eager fork ({@link Kernel#forkEager()},
 * every fork before issue 10) copies all 1,000 first. The fork alone is measured too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BranchForkBenchmark {
  /** Nodes in the simulation. */
  public static final int NODE_COUNT = 1_000;
  /** Nodes the branch delivers to, one append each. */
  public static final int TOUCHED_COUNT = 10;
  private static final long FORK_AT_MS = 5;
  private static final long APPENDS_AT_MS = 10;

  /** The simulation forked, at {@link #FORK_AT_MS}; never run again. */
  private Kernel trunk;
  /** Nodes made by the factories so far: at build, and for each copy. */
  private final int[] madeCount = {0};

  @Setup
  public void buildTrunk() {
    SimulationBuilder builder = SimulationBuilder.create().seed(1).recordTrace(false);
    for (int id = 0; id < NODE_COUNT; id++) {
      builder.node(id, () -> {
        madeCount[0]++;
        return new LedgerNode();
      });
    }
    for (int i = 0; i < TOUCHED_COUNT; i++) {
      int to = i * (NODE_COUNT / TOUCHED_COUNT);
      builder.send(0, to, new LogEntry(2, LedgerNode.LOG_SIZE + i, "branch append " + i), APPENDS_AT_MS);
    }
    Simulation simulation = builder.build();
    simulation.runUntilMs(FORK_AT_MS);
    trunk = Kernels.of(simulation);
    checkBranches();
  }

  /** Fails unless both branches end in the same state, the lazy one having copied ten nodes. */
  private void checkBranches() {
    int before = madeCount[0];
    Kernel lazy = lazyForkThenBranch();
    int lazyCopies = madeCount[0] - before;
    Kernel eager = eagerForkThenBranch();
    int eagerCopies = madeCount[0] - before - lazyCopies;
    if (lazy.fingerprint() != eager.fingerprint() || lazy.traceHash() != eager.traceHash()
        || lazy.eventCount() != trunk.eventCount() + 2 * TOUCHED_COUNT) {
      throw new IllegalStateException("the lazy and the eager branch differ");
    }
    if (lazyCopies != TOUCHED_COUNT || eagerCopies != NODE_COUNT) {
      throw new IllegalStateException("copies: lazy " + lazyCopies + ", eager " + eagerCopies);
    }
  }

  /** A fork that copies nodes on first touch, then the branch: ten nodes copied. */
  @Benchmark
  public Kernel lazyForkThenBranch() {
    Kernel branch = trunk.fork();
    branch.run();
    return branch;
  }

  /** A fork that copies every node at once, then the same branch. */
  @Benchmark
  public Kernel eagerForkThenBranch() {
    Kernel branch = trunk.forkEager();
    branch.run();
    return branch;
  }

  @Benchmark
  public Kernel lazyFork() {
    return trunk.fork();
  }

  @Benchmark
  public Kernel eagerFork() {
    return trunk.forkEager();
  }
}
