package dev.helios.runtime;

import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated network's settings: a default link and per-link (directed) overrides, with
 * ratios already turned into integer thresholds. Only looked up, never iterated, on the hot path.
 */
final class Network {
  /** One directed link's behaviour. Delay is {@code latency + uniform[0, jitter]} microseconds. */
  record Link(long latencyMicros, long jitterMicros, double lossRatio, double duplicationRatio) {
    Link {
      if (latencyMicros < 0) {
        throw new IllegalArgumentException("latency must be zero or more, got " + latencyMicros + " µs");
      }
      if (jitterMicros < 0) {
        throw new IllegalArgumentException("jitter must be zero or more, got " + jitterMicros + " µs");
      }
      checkRatio("loss ratio", lossRatio);
      checkRatio("duplication ratio", duplicationRatio);
    }

    long lossThreshold() {
      return SimRandom.thresholdOf(lossRatio);
    }

    long duplicationThreshold() {
      return SimRandom.thresholdOf(duplicationRatio);
    }
  }

  /** A reliable network: no loss, no duplication, 1 ms latency, no jitter. */
  static final Link RELIABLE = new Link(1_000, 0, 0.0, 0.0);

  private final Link defaultLink;
  private final long defaultLossThreshold;
  private final long defaultDuplicationThreshold;
  private final Map<Long, Link> links;

  Network(Link defaultLink, Map<Long, Link> links) {
    this.defaultLink = defaultLink;
    this.defaultLossThreshold = defaultLink.lossThreshold();
    this.defaultDuplicationThreshold = defaultLink.duplicationThreshold();
    this.links = new TreeMap<>(links);
  }

  static long key(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }

  Link link(int from, int to) {
    if (links.isEmpty()) {
      return defaultLink;
    }
    Link link = links.get(key(from, to));
    return link == null ? defaultLink : link;
  }

  Link defaultLink() {
    return defaultLink;
  }

  /** True if the message is lost, drawing from {@code random} only when loss is possible. */
  boolean lose(Link link, SimRandom random) {
    long threshold = link == defaultLink ? defaultLossThreshold : link.lossThreshold();
    return threshold > 0 && random.chance(threshold);
  }

  /** True if the message is duplicated, drawing only when duplication is possible. */
  boolean duplicate(Link link, SimRandom random) {
    long threshold = link == defaultLink ? defaultDuplicationThreshold : link.duplicationThreshold();
    return threshold > 0 && random.chance(threshold);
  }

  /** The delay of one copy of a message, drawing only when there is jitter. */
  long delayMicros(Link link, SimRandom random) {
    long jitter = link.jitterMicros();
    return jitter == 0 ? link.latencyMicros() : link.latencyMicros() + random.nextLong(jitter + 1);
  }

  static void checkRatio(String name, double ratio) {
    if (!(ratio >= 0.0 && ratio <= 1.0)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + ratio);
    }
  }
}
