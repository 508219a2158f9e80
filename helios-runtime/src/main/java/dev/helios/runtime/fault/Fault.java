package dev.helios.runtime.fault;

import dev.helios.runtime.internal.Fingerprints;

/**
 * A fault or network change, applied to a simulation now or at a scheduled time ({@link
 * ScheduledFault}). One record per kind; each has one text form, its {@link #toString()}, which
 * {@link #parse} reads back to an equal fault: {@code crash 1}, {@code partition 0-2}, {@code
 * latency 0->1 5ms jitter 1ms}. Immutable, so faults are shared between forks.
 */
public sealed interface Fault {
  /**
   * The fault's first word in the text form: crash, restart, partition, heal, isolate, heal-all,
   * latency, loss or duplication. A one-way partition is also "partition".
   */
  String name();

  /** The nodes this fault names, which must exist; a new array on each call. */
  int[] nodes();

  /**
   * A 64-bit digest of the fault's kind and every field, for the fingerprint of a run. Equal faults
   * have equal digests; it never depends on {@code hashCode()}.
   */
  long digest();

  /** Applies the fault by calling exactly the one {@link Target} method for its kind. */
  void applyTo(Target target);

  /** The fault's text form, as in {@code "partition 0->2"}; {@link #parse} reads it back. */
  @Override
  String toString();

  /**
   * The fault that {@code text} spells, such as {@code "crash 1"} or {@code "loss 0->1 0.25"}.
   *
   * @throws FaultSyntaxException if {@code text} is not one fault, naming the problem and showing a
   *     correct example
   */
  static Fault parse(String text) {
    return FaultText.parseFault(text);
  }

  /**
   * What a fault is applied to: the kernel implements it, one method per kind, so a new kind of
   * fault does not compile until the kernel handles it.
   */
  interface Target {
    /** The node stops: it handles and sends nothing, its timers die, messages to it are dropped. */
    void crash(int node);

    /** A fresh instance of the crashed node, {@code @Durable} fields carried over. */
    void restart(int node);

    /** Messages sent between {@code a} and {@code b}, both ways, are dropped. */
    void partition(int a, int b);

    /** Messages sent from {@code from} to {@code to} are dropped; the other way is untouched. */
    void partitionOneWay(int from, int to);

    /** Ends any partition of the pair, both ways. */
    void heal(int a, int b);

    /** Partitions {@code node} from every other node, both ways. */
    void isolate(int node);

    /** Ends every partition and isolation. */
    void healAll();

    /** Sets the latency and jitter of the directed link {@code from -> to}. */
    void linkLatency(int from, int to, long latencyMicros, long jitterMicros);

    /** Sets the share of messages lost on the directed link {@code from -> to}. */
    void linkLossRatio(int from, int to, double lossRatio);

    /** Sets the share of messages delivered twice on the directed link {@code from -> to}. */
    void linkDuplicationRatio(int from, int to, double duplicationRatio);
  }

  /** Crashes {@code node}. Text: {@code crash 1}. */
  record Crash(int node) implements Fault {
    /** Checks that {@code node} is zero or more. */
    public Crash {
      FaultText.checkNode(text(node), node);
    }

    private static String text(int node) {
      return "crash " + node;
    }

    @Override
    public String name() {
      return "crash";
    }

    @Override
    public int[] nodes() {
      return new int[] {node};
    }

    @Override
    public long digest() {
      return Fingerprints.mix(Fingerprints.start("fault.crash"), node);
    }

    @Override
    public void applyTo(Target target) {
      target.crash(node);
    }

    @Override
    public String toString() {
      return text(node);
    }
  }

  /** Restarts the crashed {@code node}. Text: {@code restart 1}. */
  record Restart(int node) implements Fault {
    /** Checks that {@code node} is zero or more. */
    public Restart {
      FaultText.checkNode(text(node), node);
    }

    private static String text(int node) {
      return "restart " + node;
    }

    @Override
    public String name() {
      return "restart";
    }

    @Override
    public int[] nodes() {
      return new int[] {node};
    }

    @Override
    public long digest() {
      return Fingerprints.mix(Fingerprints.start("fault.restart"), node);
    }

    @Override
    public void applyTo(Target target) {
      target.restart(node);
    }

    @Override
    public String toString() {
      return text(node);
    }
  }

  /** Partitions {@code a} from {@code b}, both ways. Text: {@code partition 0-2}. */
  record Partition(int a, int b) implements Fault {
    /** Checks that both nodes are zero or more and differ. */
    public Partition {
      FaultText.checkPair(text(a, b), a, b, "partitioned");
    }

    private static String text(int a, int b) {
      return "partition " + FaultText.pair(a, b);
    }

    @Override
    public String name() {
      return "partition";
    }

    @Override
    public int[] nodes() {
      return new int[] {a, b};
    }

    @Override
    public long digest() {
      return Fingerprints.mix(Fingerprints.mix(Fingerprints.start("fault.partition"), a), b);
    }

    @Override
    public void applyTo(Target target) {
      target.partition(a, b);
    }

    @Override
    public String toString() {
      return text(a, b);
    }
  }

  /**
   * Partitions one direction: messages from {@code from} to {@code to} are dropped. Text: {@code
   * partition 0->2}.
   */
  record PartitionOneWay(int from, int to) implements Fault {
    /** Checks that both nodes are zero or more and differ. */
    public PartitionOneWay {
      FaultText.checkPair(text(from, to), from, to, "partitioned");
    }

    private static String text(int from, int to) {
      return "partition " + FaultText.link(from, to);
    }

    @Override
    public String name() {
      return "partition";
    }

    @Override
    public int[] nodes() {
      return new int[] {from, to};
    }

    @Override
    public long digest() {
      long digest = Fingerprints.start("fault.partition-one-way");
      return Fingerprints.mix(Fingerprints.mix(digest, from), to);
    }

    @Override
    public void applyTo(Target target) {
      target.partitionOneWay(from, to);
    }

    @Override
    public String toString() {
      return text(from, to);
    }
  }

  /** Ends any partition of {@code a} and {@code b}, both ways. Text: {@code heal 0-2}. */
  record Heal(int a, int b) implements Fault {
    /** Checks that both nodes are zero or more and differ. */
    public Heal {
      FaultText.checkPair(text(a, b), a, b, "healed");
    }

    private static String text(int a, int b) {
      return "heal " + FaultText.pair(a, b);
    }

    @Override
    public String name() {
      return "heal";
    }

    @Override
    public int[] nodes() {
      return new int[] {a, b};
    }

    @Override
    public long digest() {
      return Fingerprints.mix(Fingerprints.mix(Fingerprints.start("fault.heal"), a), b);
    }

    @Override
    public void applyTo(Target target) {
      target.heal(a, b);
    }

    @Override
    public String toString() {
      return text(a, b);
    }
  }

  /** Partitions {@code node} from every other node, both ways. Text: {@code isolate 3}. */
  record Isolate(int node) implements Fault {
    /** Checks that {@code node} is zero or more. */
    public Isolate {
      FaultText.checkNode(text(node), node);
    }

    private static String text(int node) {
      return "isolate " + node;
    }

    @Override
    public String name() {
      return "isolate";
    }

    @Override
    public int[] nodes() {
      return new int[] {node};
    }

    @Override
    public long digest() {
      return Fingerprints.mix(Fingerprints.start("fault.isolate"), node);
    }

    @Override
    public void applyTo(Target target) {
      target.isolate(node);
    }

    @Override
    public String toString() {
      return text(node);
    }
  }

  /** Ends every partition and isolation. Text: {@code heal-all}. */
  record HealAll() implements Fault {
    @Override
    public String name() {
      return "heal-all";
    }

    @Override
    public int[] nodes() {
      return new int[0];
    }

    @Override
    public long digest() {
      return Fingerprints.start("fault.heal-all");
    }

    @Override
    public void applyTo(Target target) {
      target.healAll();
    }

    @Override
    public String toString() {
      return "heal-all";
    }
  }

  /**
   * Sets the latency and jitter of the directed link {@code from -> to}: each copy of a message is
   * delayed by latency plus up to jitter. Text: {@code latency 0->1 5ms jitter 1ms}, the jitter
   * left out when zero.
   */
  record LinkLatency(int from, int to, long latencyMicros, long jitterMicros) implements Fault {
    /** Checks that the nodes, the latency and the jitter are zero or more. */
    public LinkLatency {
      String text = text(from, to, latencyMicros, jitterMicros);
      FaultText.checkNode(text, from);
      FaultText.checkNode(text, to);
      FaultText.checkMicros(text, "a latency", latencyMicros, "write 0ms for none");
      FaultText.checkMicros(text, "a jitter", jitterMicros, "write 0ms or leave it out for none");
    }

    private static String text(int from, int to, long latencyMicros, long jitterMicros) {
      String text = "latency " + FaultText.link(from, to) + " " + FaultText.time(latencyMicros);
      return jitterMicros == 0 ? text : text + " jitter " + FaultText.time(jitterMicros);
    }

    @Override
    public String name() {
      return "latency";
    }

    @Override
    public int[] nodes() {
      return new int[] {from, to};
    }

    @Override
    public long digest() {
      long digest = Fingerprints.mix(Fingerprints.start("fault.latency"), from);
      digest = Fingerprints.mix(digest, to);
      digest = Fingerprints.mix(digest, latencyMicros);
      return Fingerprints.mix(digest, jitterMicros);
    }

    @Override
    public void applyTo(Target target) {
      target.linkLatency(from, to, latencyMicros, jitterMicros);
    }

    @Override
    public String toString() {
      return text(from, to, latencyMicros, jitterMicros);
    }
  }

  /**
   * Sets the share of messages lost on the directed link {@code from -> to}, from 0 to 1 (-0.0
   * becomes 0.0). Text: {@code loss 0->1 0.25}.
   */
  record LinkLossRatio(int from, int to, double lossRatio) implements Fault {
    /** Checks that the nodes are zero or more and the ratio is from 0 to 1. */
    public LinkLossRatio {
      String text = text(from, to, lossRatio);
      FaultText.checkNode(text, from);
      FaultText.checkNode(text, to);
      lossRatio = FaultText.checkRatio(text, "a loss ratio", lossRatio);
    }

    private static String text(int from, int to, double lossRatio) {
      return "loss " + FaultText.link(from, to) + " " + FaultText.ratio(lossRatio);
    }

    @Override
    public String name() {
      return "loss";
    }

    @Override
    public int[] nodes() {
      return new int[] {from, to};
    }

    @Override
    public long digest() {
      long digest = Fingerprints.mix(Fingerprints.start("fault.loss"), from);
      digest = Fingerprints.mix(digest, to);
      return Fingerprints.mix(digest, Fingerprints.ofDouble(lossRatio));
    }

    @Override
    public void applyTo(Target target) {
      target.linkLossRatio(from, to, lossRatio);
    }

    @Override
    public String toString() {
      return text(from, to, lossRatio);
    }
  }

  /**
   * Sets the share of messages delivered twice on the directed link {@code from -> to}, from 0 to 1
   * (-0.0 becomes 0.0). Text: {@code duplication 0->1 0.1}.
   */
  record LinkDuplicationRatio(int from, int to, double duplicationRatio) implements Fault {
    /** Checks that the nodes are zero or more and the ratio is from 0 to 1. */
    public LinkDuplicationRatio {
      String text = text(from, to, duplicationRatio);
      FaultText.checkNode(text, from);
      FaultText.checkNode(text, to);
      duplicationRatio = FaultText.checkRatio(text, "a duplication ratio", duplicationRatio);
    }

    private static String text(int from, int to, double duplicationRatio) {
      return "duplication " + FaultText.link(from, to) + " " + FaultText.ratio(duplicationRatio);
    }

    @Override
    public String name() {
      return "duplication";
    }

    @Override
    public int[] nodes() {
      return new int[] {from, to};
    }

    @Override
    public long digest() {
      long digest = Fingerprints.mix(Fingerprints.start("fault.duplication"), from);
      digest = Fingerprints.mix(digest, to);
      return Fingerprints.mix(digest, Fingerprints.ofDouble(duplicationRatio));
    }

    @Override
    public void applyTo(Target target) {
      target.linkDuplicationRatio(from, to, duplicationRatio);
    }

    @Override
    public String toString() {
      return text(from, to, duplicationRatio);
    }
  }
}
