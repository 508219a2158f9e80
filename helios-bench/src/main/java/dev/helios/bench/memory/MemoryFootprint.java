package dev.helios.bench.memory;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import org.openjdk.jol.info.GraphLayout;

/**
 * Heap cost of Helios's state: bytes per idle node and per queued event (measured with JOL's
 * object graph walk), and whether a simulation of a million idle nodes fits in the heap this JVM
 * was given (run with {@code -Xmx4g}; measured through the GC's own accounting).
 */
public final class MemoryFootprint {
  private static final int SMALL_NODE_COUNT = 1_000;
  private static final int LARGE_NODE_COUNT = 101_000;
  private static final int QUEUED_EVENT_COUNT = 100_000;
  private static final int MILLION = 1_000_000;

  private MemoryFootprint() {}

  /** Argument: the node count of the big run (default 1,000,000); 0 skips it. */
  public static void main(String[] args) {
    int bigNodeCount = args.length > 0 ? Integer.parseInt(args[0]) : MILLION;
    long smallBytes = idleSimulationBytes(SMALL_NODE_COUNT);
    long largeBytes = idleSimulationBytes(LARGE_NODE_COUNT);
    double bytesPerNode = (double) (largeBytes - smallBytes) / (LARGE_NODE_COUNT - SMALL_NODE_COUNT);
    long emptyQueueBytes = queuedSimulationBytes(0);
    long fullQueueBytes = queuedSimulationBytes(QUEUED_EVENT_COUNT);
    double bytesPerEvent = (double) (fullQueueBytes - emptyQueueBytes) / QUEUED_EVENT_COUNT;
    System.out.printf(Locale.ROOT, "memory: %.1f B per idle node (IdleNode: a long and an int; JOL, %d vs %d nodes)%n",
        bytesPerNode, LARGE_NODE_COUNT, SMALL_NODE_COUNT);
    System.out.printf(Locale.ROOT, "memory: %.1f B per queued event (JOL, %d queued sends sharing one payload, arrays exactly full;"
        + " growth by doubling can add up to the same again)%n", bytesPerEvent, QUEUED_EVENT_COUNT);
    if (bigNodeCount > 0) {
      bigRun(bigNodeCount);
    }
  }

  /** Retained bytes of a simulation of {@code nodeCount} idle nodes after their start events ran. */
  private static long idleSimulationBytes(int nodeCount) {
    Simulation sim = idleSimulation(nodeCount);
    return GraphLayout.parseInstance(sim).totalSize();
  }

  private static Simulation idleSimulation(int nodeCount) {
    SimulationBuilder builder = SimulationBuilder.create().recordTrace(false);
    for (int id = 0; id < nodeCount; id++) {
      builder.node(id, IdleNode::new);
    }
    Simulation sim = builder.build();
    sim.run();
    return sim;
  }

  /** Retained bytes of a two-node simulation with {@code eventCount} sends queued. */
  private static long queuedSimulationBytes(int eventCount) {
    Poke poke = new Poke();
    SimulationBuilder builder = SimulationBuilder.create().recordTrace(false).node(0, IdleNode::new).node(1, IdleNode::new);
    for (int i = 0; i < eventCount; i++) {
      builder.sendAtMicros(0, 1, poke, 1_000 + i);
    }
    Simulation sim = builder.build();
    if (sim.pendingEventCount() != eventCount + 2) {
      throw new IllegalStateException("expected " + (eventCount + 2) + " queued events, found " + sim.pendingEventCount());
    }
    return GraphLayout.parseInstance(sim).totalSize();
  }

  /** Builds and starts {@code nodeCount} idle nodes and reports the heap they need. */
  private static void bigRun(int nodeCount) {
    long maxHeapBytes = Runtime.getRuntime().maxMemory();
    resetPeaks();
    Simulation sim = idleSimulation(nodeCount);
    long peakBytes = peakHeapBytes();
    long retainedBytes = usedHeapAfterGc();
    System.out.printf(Locale.ROOT,
        "memory: %,d idle nodes built and started (%d events): %.0f MB retained after GC (%.0f B per node), peak %.0f MB, heap limit %.0f MB: %s%n",
        nodeCount, sim.eventCount(), retainedBytes / 1e6, (double) retainedBytes / nodeCount, peakBytes / 1e6,
        maxHeapBytes / 1e6, retainedBytes < maxHeapBytes ? "fits" : "DOES NOT FIT");
    if (sim.nodeIds().length != nodeCount) {
      throw new IllegalStateException("lost nodes");
    }
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void resetPeaks() {
    usedHeapAfterGc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /** The sum of the heap pools' peak usage: an upper bound of the peak, as pools peak at different times. */
  private static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
