package dev.helios.runtime.kernel;

import dev.helios.runtime.SimRandom;
import dev.helios.runtime.internal.Fingerprints;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The simulated network's state: a default link, per-link (directed) overrides and the directed
 * pairs a partition blocks. Ratios are integer thresholds, computed once per link. Maps and sets
 * are only looked up on the hot path, never iterated.
 */
public final class Network {
  /**
   * One directed link's behaviour, immutable. Delay is {@code latency + uniform[0, jitter]}
   * microseconds; the ratios become integer thresholds here, once.
   */
  public static final class Link {
    private final long latencyMicros;
    private final long jitterMicros;
    private final double lossRatio;
    private final double duplicationRatio;
    final long lossThreshold;
    final long duplicationThreshold;

    public Link(long latencyMicros, long jitterMicros, double lossRatio, double duplicationRatio) {
      if (latencyMicros < 0) {
        throw new IllegalArgumentException("latency must be zero or more, got " + latencyMicros + " µs");
      }
      if (jitterMicros < 0) {
        throw new IllegalArgumentException("jitter must be zero or more, got " + jitterMicros + " µs");
      }
      checkRatio("loss ratio", lossRatio);
      checkRatio("duplication ratio", duplicationRatio);
      this.latencyMicros = latencyMicros;
      this.jitterMicros = jitterMicros;
      this.lossRatio = lossRatio;
      this.duplicationRatio = duplicationRatio;
      this.lossThreshold = SimRandom.thresholdOf(lossRatio);
      this.duplicationThreshold = SimRandom.thresholdOf(duplicationRatio);
    }

    public long latencyMicros() {
      return latencyMicros;
    }

    public long jitterMicros() {
      return jitterMicros;
    }

    public double lossRatio() {
      return lossRatio;
    }

    public double duplicationRatio() {
      return duplicationRatio;
    }

    /**
     * A digest of these settings, for fingerprints: the ratios as given, not their thresholds, since
     * the trace prints them when a link changes.
     */
    long digest() {
      long digest = Fingerprints.mix(Fingerprints.mix(LINK_TAG, latencyMicros), jitterMicros);
      return Fingerprints.mix(Fingerprints.mix(digest, Fingerprints.ofDouble(lossRatio)), Fingerprints.ofDouble(duplicationRatio));
    }

    Link withLatency(long latencyMicros, long jitterMicros) {
      return new Link(latencyMicros, jitterMicros, lossRatio, duplicationRatio);
    }

    Link withLossRatio(double lossRatio) {
      return new Link(latencyMicros, jitterMicros, lossRatio, duplicationRatio);
    }

    Link withDuplicationRatio(double duplicationRatio) {
      return new Link(latencyMicros, jitterMicros, lossRatio, duplicationRatio);
    }

    @Override
    public String toString() {
      return "latency " + latencyMicros + " µs, jitter " + jitterMicros + " µs, loss " + lossRatio
          + ", duplication " + duplicationRatio;
    }
  }

  private static final long LINK_TAG = Fingerprints.start("link");

  /** A reliable network: no loss, no duplication, 1 ms latency, no jitter. */
  public static final Link RELIABLE = new Link(1_000, 0, 0.0, 0.0);

  private final Link defaultLink;
  private final TreeMap<Long, Link> links;
  private final TreeSet<Long> blocked;

  /** A network with {@code defaultLink} everywhere except the directed links in {@code links} (by {@link #key}). */
  public Network(Link defaultLink, Map<Long, Link> links) {
    this.defaultLink = defaultLink;
    this.links = new TreeMap<>(links);
    this.blocked = new TreeSet<>();
  }

  private Network(Network source) {
    this.defaultLink = source.defaultLink;
    this.links = new TreeMap<>(source.links);
    this.blocked = new TreeSet<>(source.blocked);
  }

  /** An independent copy: links are immutable and shared, the maps are not. */
  Network copy() {
    return new Network(this);
  }

  /** Replaces the directed link's settings. */
  void setLink(int from, int to, Link link) {
    links.put(key(from, to), link);
  }

  /** True if a partition drops messages sent from {@code from} to {@code to}. */
  boolean isBlocked(int from, int to) {
    return !blocked.isEmpty() && blocked.contains(key(from, to));
  }

  void block(int from, int to) {
    blocked.add(key(from, to));
  }

  void unblock(int from, int to) {
    blocked.remove(key(from, to));
  }

  void unblockAll() {
    blocked.clear();
  }

  /**
   * A digest of everything that decides what the network does to a message: the default link,
   * every overridden link and every blocked pair (maps and sets sorted, so the order is fixed).
   */
  long digest() {
    long digest = Fingerprints.mix(Fingerprints.start("network"), defaultLink.digest());
    for (Map.Entry<Long, Link> link : links.entrySet()) {
      digest = Fingerprints.mix(Fingerprints.mix(digest, link.getKey()), link.getValue().digest());
    }
    digest = Fingerprints.mix(digest, blocked.size());
    for (long pair : blocked) {
      digest = Fingerprints.mix(digest, pair);
    }
    return digest;
  }

  /** The key of the directed link {@code from -> to}. */
  public static long key(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }

  Link link(int from, int to) {
    if (links.isEmpty()) {
      return defaultLink;
    }
    Link link = links.get(key(from, to));
    return link == null ? defaultLink : link;
  }

  /** True if the message is lost, drawing from {@code random} only when loss is possible. */
  boolean lose(Link link, SimRandom random) {
    long threshold = link.lossThreshold;
    return threshold > 0 && random.chance(threshold);
  }

  /** True if the message is duplicated, drawing only when duplication is possible. */
  boolean duplicate(Link link, SimRandom random) {
    long threshold = link.duplicationThreshold;
    return threshold > 0 && random.chance(threshold);
  }

  /**
   * The delay of one copy of a message, drawing only when there is jitter. It saturates at
   * {@code Long.MAX_VALUE} rather than wrap (a jitter of {@code Long.MAX_VALUE} draws from
   * {@code [0, Long.MAX_VALUE)}, which cannot be told apart: every such delay is beyond any horizon).
   */
  long delayMicros(Link link, SimRandom random) {
    long jitter = link.jitterMicros();
    if (jitter == 0) {
      return link.latencyMicros();
    }
    long delay = link.latencyMicros() + random.nextLong(jitter == Long.MAX_VALUE ? jitter : jitter + 1);
    return delay < 0 ? Long.MAX_VALUE : delay;
  }

  /** Checks that {@code ratio} is in [0, 1] (and not NaN), naming it as {@code name} when it is not. */
  public static void checkRatio(String name, double ratio) {
    if (!(ratio >= 0.0 && ratio <= 1.0)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + ratio);
    }
  }
}
