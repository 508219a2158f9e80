package dev.helios.bench.pingpong;

import dev.helios.runtime.SimRandom;

/**
 * Ping-pong on a hand-written binary heap of primitive arrays ordered by (time, sequence): the
 * practical limit for a general event queue, and what Helios's {@code EventQueue} is modelled on.
 */
public final class ArrayHeapPingPong {
  private final long[] heapTime;
  private final long[] heapSequence;
  private final int[] heapNode;
  private int size;
  private long nextSequence;

  private ArrayHeapPingPong(int capacity) {
    heapTime = new long[capacity];
    heapSequence = new long[capacity];
    heapNode = new int[capacity];
  }

  /** Runs {@code deliveryCount} deliveries among {@code nodeCount} nodes. */
  public static PingPong.Outcome run(int nodeCount, long deliveryCount) {
    SimRandom network = PingPong.networkRandom();
    SimRandom[] randoms = PingPong.nodeRandoms(nodeCount);
    long[] receivedCounts = new long[nodeCount];
    ArrayHeapPingPong queue = new ArrayHeapPingPong(nodeCount);
    for (int id = 0; id < nodeCount; id++) {
      int to = PingPong.drawOther(randoms[id], id, nodeCount);
      queue.push(PingPong.drawDelayMicros(network), to);
    }
    long checksum = 0;
    for (long delivered = 0; delivered < deliveryCount; delivered++) {
      long now = queue.heapTime[0];
      int node = queue.heapNode[0];
      queue.pop();
      receivedCounts[node]++;
      checksum += now * (node + 1);
      int to = PingPong.drawOther(randoms[node], node, nodeCount);
      queue.push(now + PingPong.drawDelayMicros(network), to);
    }
    return new PingPong.Outcome(deliveryCount, checksum, PingPong.Outcome.digestOf(receivedCounts));
  }

  private void push(long time, int node) {
    long sequence = nextSequence++;
    int position = size++;
    while (position > 0) {
      int parent = (position - 1) >>> 1;
      long parentTime = heapTime[parent];
      if (parentTime < time || (parentTime == time && heapSequence[parent] < sequence)) {
        break;
      }
      heapTime[position] = parentTime;
      heapSequence[position] = heapSequence[parent];
      heapNode[position] = heapNode[parent];
      position = parent;
    }
    heapTime[position] = time;
    heapSequence[position] = sequence;
    heapNode[position] = node;
  }

  private void pop() {
    int last = --size;
    long time = heapTime[last];
    long sequence = heapSequence[last];
    int node = heapNode[last];
    int position = 0;
    int half = size >>> 1;
    while (position < half) {
      int child = 2 * position + 1;
      int right = child + 1;
      if (right < size
          && (heapTime[right] < heapTime[child]
              || (heapTime[right] == heapTime[child] && heapSequence[right] < heapSequence[child]))) {
        child = right;
      }
      long childTime = heapTime[child];
      if (time < childTime || (time == childTime && sequence < heapSequence[child])) {
        break;
      }
      heapTime[position] = childTime;
      heapSequence[position] = heapSequence[child];
      heapNode[position] = heapNode[child];
      position = child;
    }
    heapTime[position] = time;
    heapSequence[position] = sequence;
    heapNode[position] = node;
  }
}
