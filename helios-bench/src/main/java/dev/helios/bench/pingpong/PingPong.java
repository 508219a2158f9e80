package dev.helios.bench.pingpong;

import dev.helios.runtime.SimRandom;

/**
 * The "token ping-pong" workload of BENCHMARKS.md, drawing from Helios's own random streams so that
 * every implementation (Helios and its peers) makes the same draws and prints the same checksum.
 *
 * <p>N nodes, one token each. Delivering a token at node d at time {@code now}: count it in
 * {@code received[d]}, add {@code now * (d + 1)} to the checksum, draw a uniformly random other node
 * from node d's stream, then a latency uniform in [100, 1100) µs from the network stream, and
 * schedule the next delivery at {@code now + latency}. Ties on time are FIFO. At start, node i (in
 * id order) draws a destination, then the network draws its latency: the order in which Helios's
 * {@code @OnStart} and {@code Context.send} draw. BENCHMARKS.md draws latency first at start and
 * uses one {@code SplittableRandom(42)}; the figures here are therefore not the same checksums as
 * there, but the workload (queue sizes, time distribution, work per event) is.
 */
public final class PingPong {
  /** The seed of every run. */
  public static final long SEED = 42;
  /** The fixed part of each delay. */
  public static final long LATENCY_MICROS = 100;
  /** The jitter: Helios adds uniform [0, jitter] µs, so delays are uniform in [100, 1100) µs. */
  public static final long JITTER_MICROS = 999;

  // Copies of the purpose numbers Simulation derives its streams with (private there). If Helios
  // changes them, the checksums stop matching and ChecksumCheck fails: the copy cannot drift silently.
  private static final long NETWORK_STREAM = 0x6e6574776f726bL;
  private static final long NODE_STREAMS = 0x100000000L;

  private PingPong() {}

  /** The network's stream, as {@code Simulation} derives it. */
  static SimRandom networkRandom() {
    return SimRandom.derive(SEED, NETWORK_STREAM);
  }

  /** Each node's stream, indexed by node id, as {@code Simulation} derives them. */
  static SimRandom[] nodeRandoms(int nodeCount) {
    SimRandom[] randoms = new SimRandom[nodeCount];
    for (int id = 0; id < nodeCount; id++) {
      randoms[id] = SimRandom.derive(SEED, NODE_STREAMS + id);
    }
    return randoms;
  }

  /** A uniformly random node other than {@code self}. */
  static int drawOther(SimRandom random, int self, int nodeCount) {
    int other = random.nextInt(nodeCount - 1);
    return other >= self ? other + 1 : other;
  }

  /** One delay, drawn as Helios's network draws it: latency + uniform [0, jitter]. */
  static long drawDelayMicros(SimRandom network) {
    return LATENCY_MICROS + network.nextLong(JITTER_MICROS + 1);
  }

  /** What a run computed: equal outcomes prove two implementations did the same work. */
  public record Outcome(long deliveryCount, long checksum, long receivedDigest) {
    /** Folds per-node received counts into one number (weighted so that a swap shows). */
    static long digestOf(long[] receivedCounts) {
      long digest = 0;
      for (int id = 0; id < receivedCounts.length; id++) {
        digest = digest * 1_000_003 + receivedCounts[id];
      }
      return digest;
    }

    @Override
    public String toString() {
      return "deliveries=" + deliveryCount + " checksum=" + checksum + " received=" + Long.toHexString(receivedDigest);
    }
  }
}
