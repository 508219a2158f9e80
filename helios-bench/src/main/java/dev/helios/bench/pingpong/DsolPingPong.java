package dev.helios.bench.pingpong;

import dev.helios.runtime.SimRandom;
import nl.tudelft.simulation.dsol.eventlists.RedBlackTree;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.LambdaSimEvent;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.SimEventInterface;

/**
 * Ping-pong on DSOL 4.3.2's event list ({@link RedBlackTree}, its default) with the
 * {@link LambdaSimEvent}s that {@code DevsSimulator.scheduleEventRel(delay, executable)} creates,
 * ordered by (time, priority, id). The loop that pops and executes events is ours: DSOL's
 * {@code DevsSimulator} runs the same loop on a worker thread with run-control and listener checks
 * around it, so this is DSOL's best case.
 */
public final class DsolPingPong {
  private final RedBlackTree<Double> eventList = new RedBlackTree<>();
  private final SimRandom network = PingPong.networkRandom();
  private final SimRandom[] randoms;
  private final long[] receivedCounts;
  private final int nodeCount;
  private long nowMicros;
  private long checksum;

  private DsolPingPong(int nodeCount) {
    this.nodeCount = nodeCount;
    this.randoms = PingPong.nodeRandoms(nodeCount);
    this.receivedCounts = new long[nodeCount];
  }

  /** Runs {@code deliveryCount} deliveries among {@code nodeCount} nodes. */
  public static PingPong.Outcome run(int nodeCount, long deliveryCount) {
    DsolPingPong run = new DsolPingPong(nodeCount);
    for (int id = 0; id < nodeCount; id++) {
      int to = PingPong.drawOther(run.randoms[id], id, nodeCount);
      run.schedule(PingPong.drawDelayMicros(run.network), to);
    }
    for (long delivered = 0; delivered < deliveryCount; delivered++) {
      SimEventInterface<Double> event = run.eventList.removeFirst();
      run.nowMicros = event.getAbsoluteExecutionTime().longValue();
      event.execute();
    }
    return new PingPong.Outcome(deliveryCount, run.checksum, PingPong.Outcome.digestOf(run.receivedCounts));
  }

  private void schedule(long atMicros, int node) {
    eventList.add(new LambdaSimEvent<>((double) atMicros, () -> deliver(node)));
  }

  private void deliver(int node) {
    receivedCounts[node]++;
    checksum += nowMicros * (node + 1);
    int to = PingPong.drawOther(randoms[node], node, nodeCount);
    schedule(nowMicros + PingPong.drawDelayMicros(network), to);
  }
}
