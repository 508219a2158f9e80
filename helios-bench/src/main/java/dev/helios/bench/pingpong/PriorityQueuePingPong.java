package dev.helios.bench.pingpong;

import dev.helios.runtime.SimRandom;
import java.util.Comparator;
import java.util.PriorityQueue;

/** Ping-pong on {@code java.util.PriorityQueue} with one event object per scheduled delivery. */
public final class PriorityQueuePingPong {
  private PriorityQueuePingPong() {}

  /** One scheduled delivery. */
  private record Event(long timeMicros, long sequence, int node) {}

  private static final Comparator<Event> ORDER =
      Comparator.comparingLong(Event::timeMicros).thenComparingLong(Event::sequence);

  /** Runs {@code deliveryCount} deliveries among {@code nodeCount} nodes. */
  public static PingPong.Outcome run(int nodeCount, long deliveryCount) {
    SimRandom network = PingPong.networkRandom();
    SimRandom[] randoms = PingPong.nodeRandoms(nodeCount);
    long[] receivedCounts = new long[nodeCount];
    PriorityQueue<Event> queue = new PriorityQueue<>(nodeCount, ORDER);
    long sequence = 0;
    for (int id = 0; id < nodeCount; id++) {
      int to = PingPong.drawOther(randoms[id], id, nodeCount);
      queue.add(new Event(PingPong.drawDelayMicros(network), sequence++, to));
    }
    long checksum = 0;
    for (long delivered = 0; delivered < deliveryCount; delivered++) {
      Event event = queue.poll();
      long now = event.timeMicros();
      int node = event.node();
      receivedCounts[node]++;
      checksum += now * (node + 1);
      int to = PingPong.drawOther(randoms[node], node, nodeCount);
      queue.add(new Event(now + PingPong.drawDelayMicros(network), sequence++, to));
    }
    return new PingPong.Outcome(deliveryCount, checksum, PingPong.Outcome.digestOf(receivedCounts));
  }
}
