package dev.helios.bench.pingpong;

import dev.helios.runtime.SimRandom;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.Henriksen;

/**
 * Ping-pong on SSJ 3.3.2's simulator with its Henriksen event list (its fastest in BENCHMARKS.md).
 * Each token is one {@link Event} object that reschedules itself, as an SSJ user would write it;
 * SSJ keeps time as a double, exact here since times stay far below 2^53 µs.
 */
public final class SsjPingPong {
  private final Simulator simulator = new Simulator(new Henriksen());
  private final SimRandom network = PingPong.networkRandom();
  private final SimRandom[] randoms;
  private final long[] receivedCounts;
  private final int nodeCount;
  private final long deliveryCount;
  private long deliveredCount;
  private long checksum;

  private SsjPingPong(int nodeCount, long deliveryCount) {
    this.nodeCount = nodeCount;
    this.deliveryCount = deliveryCount;
    this.randoms = PingPong.nodeRandoms(nodeCount);
    this.receivedCounts = new long[nodeCount];
  }

  /** A token on its way to {@link #node}. */
  private final class TokenEvent extends Event {
    int node;

    TokenEvent(int node) {
      super(simulator);
      this.node = node;
    }

    @Override
    public void actions() {
      long now = (long) simulator.time();
      receivedCounts[node]++;
      checksum += now * (node + 1);
      node = PingPong.drawOther(randoms[node], node, nodeCount);
      schedule(PingPong.drawDelayMicros(network));
      if (++deliveredCount == deliveryCount) {
        simulator.stop();
      }
    }
  }

  /** Runs {@code deliveryCount} deliveries among {@code nodeCount} nodes. */
  public static PingPong.Outcome run(int nodeCount, long deliveryCount) {
    SsjPingPong run = new SsjPingPong(nodeCount, deliveryCount);
    run.simulator.init();
    for (int id = 0; id < nodeCount; id++) {
      int to = PingPong.drawOther(run.randoms[id], id, nodeCount);
      run.new TokenEvent(to).schedule(PingPong.drawDelayMicros(run.network));
    }
    run.simulator.start();
    return new PingPong.Outcome(run.deliveredCount, run.checksum, PingPong.Outcome.digestOf(run.receivedCounts));
  }
}
