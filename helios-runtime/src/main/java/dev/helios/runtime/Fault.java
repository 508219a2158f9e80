package dev.helios.runtime;

import dev.helios.runtime.internal.Fingerprints;

/**
 * A fault or network change, applied now ({@link Simulation#crash} and friends) or at a scheduled
 * time ({@link SimulationBuilder#crash(int, long)} and friends). Immutable, so scheduled faults
 * are shared between forks.
 */
sealed interface Fault {
  /** The fault's name as the DSL spells it, for messages. */
  static String nameOf(Fault fault) {
    if (fault instanceof Crash) {
      return "crash";
    } else if (fault instanceof Restart) {
      return "restart";
    } else if (fault instanceof Partition partition) {
      return partition.oneWay() ? "partitionOneWay" : "partition";
    } else if (fault instanceof Heal) {
      return "heal";
    } else if (fault instanceof Isolate) {
      return "isolate";
    } else if (fault instanceof HealAll) {
      return "healAll";
    }
    return "link change";
  }

  /** The nodes this fault names, which must exist. */
  int[] nodes();

  /** A digest of the fault (kind and every setting), for the fingerprint of a scheduled fault. */
  default long digest() {
    long digest = Fingerprints.start(nameOf(this));
    for (int node : nodes()) {
      digest = Fingerprints.mix(digest, node);
    }
    if (this instanceof LinkChange change) {
      digest = Fingerprints.mix(digest, change.latencyMicros() == null ? -1 : change.latencyMicros());
      digest = Fingerprints.mix(digest, change.jitterMicros() == null ? -1 : change.jitterMicros());
      digest = Fingerprints.mix(digest, change.lossRatio() == null ? Fingerprints.NULL : Fingerprints.ofDouble(change.lossRatio()));
      digest = Fingerprints.mix(
          digest, change.duplicationRatio() == null ? Fingerprints.NULL : Fingerprints.ofDouble(change.duplicationRatio()));
    }
    return digest;
  }

  /** Node stops: handles and sends nothing, its timers die, messages to it are dropped. */
  record Crash(int node) implements Fault {
    @Override
    public int[] nodes() {
      return new int[] {node};
    }
  }

  /** A fresh instance from the node's factory, {@code @Durable} fields carried over, {@code @OnStart} again. */
  record Restart(int node) implements Fault {
    @Override
    public int[] nodes() {
      return new int[] {node};
    }
  }

  /** Messages sent from {@code a} to {@code b} (and back, unless one-way) are dropped. */
  record Partition(int a, int b, boolean oneWay) implements Fault {
    @Override
    public int[] nodes() {
      return new int[] {a, b};
    }
  }

  /** Undoes a partition of the pair, both directions. */
  record Heal(int a, int b) implements Fault {
    @Override
    public int[] nodes() {
      return new int[] {a, b};
    }
  }

  /** Partitions {@code node} from every other node, both directions. */
  record Isolate(int node) implements Fault {
    @Override
    public int[] nodes() {
      return new int[] {node};
    }
  }

  /** Undoes every partition and isolation. */
  record HealAll() implements Fault {
    @Override
    public int[] nodes() {
      return new int[0];
    }
  }

  /**
   * Changes the directed link's settings; a null setting keeps the value in force when the change
   * applies.
   */
  record LinkChange(
      int from, int to, Long latencyMicros, Long jitterMicros, Double lossRatio, Double duplicationRatio)
      implements Fault {
    public LinkChange {
      String link = "link " + from + " -> " + to;
      if (latencyMicros != null && latencyMicros < 0) {
        throw new IllegalArgumentException("latency of " + link + " must be zero or more, got " + latencyMicros + " µs");
      }
      if (jitterMicros != null && jitterMicros < 0) {
        throw new IllegalArgumentException("jitter of " + link + " must be zero or more, got " + jitterMicros + " µs");
      }
      if (lossRatio != null) {
        Network.checkRatio("loss ratio of " + link, lossRatio);
      }
      if (duplicationRatio != null) {
        Network.checkRatio("duplication ratio of " + link, duplicationRatio);
      }
    }

    @Override
    public int[] nodes() {
      return new int[] {from, to};
    }

    /** The link after this change, given the one in force. */
    Network.Link applyTo(Network.Link old) {
      return new Network.Link(
          latencyMicros == null ? old.latencyMicros() : latencyMicros,
          jitterMicros == null ? old.jitterMicros() : jitterMicros,
          lossRatio == null ? old.lossRatio() : lossRatio,
          duplicationRatio == null ? old.duplicationRatio() : duplicationRatio);
    }
  }
}
