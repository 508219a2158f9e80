package dev.helios.runtime;

import dev.helios.runtime.internal.NodeCompanion;
import dev.helios.runtime.internal.NodeCompanions;
import dev.helios.runtime.nodes.Echo;
import dev.helios.runtime.nodes.Ping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Builds a {@link Simulation}. Times in this DSL are milliseconds unless a method name says
 * {@code Micros}. Every setter checks its argument and names the value and the rule when it is
 * wrong; settings that may be given once throw when given twice.
 */
public final class SimulationBuilder {
  /** The highest node id: node state lives in arrays indexed by id. */
  public static final int NODE_ID_MAX = 10_000_000;
  /** The default event budget of a run. */
  public static final long DEFAULT_EVENTS_MAX = 10_000_000;
  /** The default time horizon: one virtual day. */
  public static final long DEFAULT_HORIZON_MICROS = 24L * 3600 * 1_000_000;
  /** The seed when none is given. */
  public static final long DEFAULT_SEED = 0;

  private static final long MICROS_MAX_MS = Long.MAX_VALUE / 1000;

  private final TreeMap<Integer, NodeSpec> nodes = new TreeMap<>();
  private final List<Scheduled> scheduled = new ArrayList<>();
  private final TreeMap<Long, LinkOverride> linkOverrides = new TreeMap<>();
  private Long seed;
  private Long latencyMicros;
  private Long jitterMicros;
  private Double lossRatio;
  private Double duplicationRatio;
  private Long eventsMax;
  private Long horizonMicros;
  private Boolean recording;

  private SimulationBuilder() {}

  /** A builder with no nodes, a reliable network, seed 0 and default limits. */
  public static SimulationBuilder create() {
    return new SimulationBuilder();
  }

  // ---- nodes ----

  /** Adds node {@code id} made by {@code factory} (called again on restarts and forks). */
  public <T> SimulationBuilder node(int id, Supplier<T> factory) {
    checkNodeId(id);
    if (factory == null) {
      throw new IllegalArgumentException("node " + id + ": the factory is null");
    }
    Object probe = factory.get();
    if (probe == null) {
      throw new IllegalArgumentException("node " + id + ": the factory returned null");
    }
    nodes.put(id, new NodeSpec(id, factory, NodeCompanions.of(probe.getClass())));
    return this;
  }

  /** Adds a built-in {@link Ping} node: it counts and logs the replies it receives. */
  public SimulationBuilder ping(int id) {
    return node(id, Ping::new);
  }

  /** Adds a built-in {@link Echo} node: it sends every message back to its sender. */
  public SimulationBuilder echo(int id) {
    return node(id, Echo::new);
  }

  private void checkNodeId(int id) {
    if (id < 0 || id > NODE_ID_MAX) {
      throw new IllegalArgumentException(
          "node id " + id + " is outside [0, " + NODE_ID_MAX + "]; node ids index arrays, so keep them small");
    }
    if (nodes.containsKey(id)) {
      throw new IllegalArgumentException("node id " + id + " is already used; give each node its own id");
    }
  }

  // ---- network ----

  /**
   * The seed's one-call network: every link has {@code latencyMs} latency plus up to
   * {@code jitterMs} jitter and loses {@code lossRatio} of messages; {@code seed} seeds the run.
   */
  public SimulationBuilder lossyNetwork(long latencyMs, long jitterMs, double lossRatio, long seed) {
    // Both times are converted before either is set, so a refused time leaves the builder as it was.
    long latencyMicros = millisToMicros("latency", latencyMs);
    long jitterMicros = millisToMicros("jitter", jitterMs);
    latencyMicros(latencyMicros);
    jitterMicros(jitterMicros);
    lossRatio(lossRatio);
    return seed(seed);
  }

  /** The default one-way latency of every link (default 1 ms). */
  public SimulationBuilder latencyMs(long latencyMs) {
    return latencyMicros(millisToMicros("latency", latencyMs));
  }

  public SimulationBuilder latencyMicros(long latencyMicros) {
    checkOnce("latency", this.latencyMicros);
    this.latencyMicros = checkNotNegative("latency", latencyMicros, "µs");
    return this;
  }

  /** The default jitter: each copy of a message gets an extra delay uniform in [0, jitter]. */
  public SimulationBuilder jitterMs(long jitterMs) {
    return jitterMicros(millisToMicros("jitter", jitterMs));
  }

  public SimulationBuilder jitterMicros(long jitterMicros) {
    checkOnce("jitter", this.jitterMicros);
    this.jitterMicros = checkNotNegative("jitter", jitterMicros, "µs");
    return this;
  }

  /** The default share of messages lost, in [0, 1] (default 0). */
  public SimulationBuilder lossRatio(double lossRatio) {
    checkOnce("loss ratio", this.lossRatio);
    Network.checkRatio("loss ratio", lossRatio);
    this.lossRatio = lossRatio;
    return this;
  }

  /** The default share of messages delivered twice, in [0, 1] (default 0). */
  public SimulationBuilder duplicationRatio(double duplicationRatio) {
    checkOnce("duplication ratio", this.duplicationRatio);
    Network.checkRatio("duplication ratio", duplicationRatio);
    this.duplicationRatio = duplicationRatio;
    return this;
  }

  /** Latency and jitter of the directed link {@code from -> to}, overriding the defaults. */
  public SimulationBuilder linkLatencyMs(int from, int to, long latencyMs, long jitterMs) {
    // Both times are checked before the link is touched, so a refused call leaves no override behind.
    long latencyMicros = millisToMicros("latency", latencyMs);
    long jitterMicros = millisToMicros("jitter", jitterMs);
    LinkOverride link = override(from, to);
    checkOnce("latency of link " + from + " -> " + to, link.latencyMicros);
    link.latencyMicros = latencyMicros;
    link.jitterMicros = jitterMicros;
    return this;
  }

  /** The loss ratio of the directed link {@code from -> to}, overriding the default. */
  public SimulationBuilder linkLossRatio(int from, int to, double lossRatio) {
    LinkOverride link = override(from, to);
    checkOnce("loss ratio of link " + from + " -> " + to, link.lossRatio);
    Network.checkRatio("loss ratio of link " + from + " -> " + to, lossRatio);
    link.lossRatio = lossRatio;
    return this;
  }

  /** The duplication ratio of the directed link {@code from -> to}, overriding the default. */
  public SimulationBuilder linkDuplicationRatio(int from, int to, double duplicationRatio) {
    LinkOverride link = override(from, to);
    checkOnce("duplication ratio of link " + from + " -> " + to, link.duplicationRatio);
    Network.checkRatio("duplication ratio of link " + from + " -> " + to, duplicationRatio);
    link.duplicationRatio = duplicationRatio;
    return this;
  }

  private LinkOverride override(int from, int to) {
    if (from < 0 || to < 0) {
      throw new IllegalArgumentException("link " + from + " -> " + to + ": node ids are zero or more");
    }
    return linkOverrides.computeIfAbsent(Network.key(from, to), key -> new LinkOverride(from, to));
  }

  // ---- run settings ----

  /** The seed of every random stream (default 0). */
  public SimulationBuilder seed(long seed) {
    checkOnce("seed", this.seed);
    this.seed = seed;
    return this;
  }

  /** Node {@code from} sends {@code payload} to node {@code to} at {@code atMs} ms. */
  public SimulationBuilder send(int from, int to, Object payload, long atMs) {
    return sendAtMicros(from, to, payload, millisToMicros("send time", atMs));
  }

  public SimulationBuilder sendAtMicros(int from, int to, Object payload, long atMicros) {
    if (payload == null) {
      throw new IllegalArgumentException("send " + from + " -> " + to + ": the payload is null");
    }
    checkNotNegative("send time", atMicros, "µs");
    scheduled.add(new ScheduledSend(from, to, payload, atMicros));
    return this;
  }

  // ---- scheduled faults (time in ms, last) ----

  /** Crashes {@code node} at {@code atMs}. */
  public SimulationBuilder crash(int node, long atMs) {
    return schedule(new Fault.Crash(node), "crash", atMs);
  }

  /** Restarts crashed {@code node} at {@code atMs}. */
  public SimulationBuilder restart(int node, long atMs) {
    return schedule(new Fault.Restart(node), "restart", atMs);
  }

  /** Partitions {@code a} and {@code b}, both directions, at {@code atMs}. */
  public SimulationBuilder partition(int a, int b, long atMs) {
    return schedule(new Fault.Partition(a, b, false), "partition", atMs);
  }

  /** Drops messages from {@code from} to {@code to} (one direction) from {@code atMs}. */
  public SimulationBuilder partitionOneWay(int from, int to, long atMs) {
    return schedule(new Fault.Partition(from, to, true), "partitionOneWay", atMs);
  }

  /** Heals the partition between {@code a} and {@code b} at {@code atMs}. */
  public SimulationBuilder heal(int a, int b, long atMs) {
    return schedule(new Fault.Heal(a, b), "heal", atMs);
  }

  /** Isolates {@code node} from every other node at {@code atMs}. */
  public SimulationBuilder isolate(int node, long atMs) {
    return schedule(new Fault.Isolate(node), "isolate", atMs);
  }

  /** Heals every partition at {@code atMs}. */
  public SimulationBuilder healAll(long atMs) {
    return schedule(new Fault.HealAll(), "healAll", atMs);
  }

  /** Sets latency and jitter of the directed link {@code from -> to} at {@code atMs}. */
  public SimulationBuilder changeLinkLatencyMs(int from, int to, long latencyMs, long jitterMs, long atMs) {
    return schedule(
        new Fault.LinkChange(from, to, millisToMicros("latency", latencyMs), millisToMicros("jitter", jitterMs), null, null),
        "link change", atMs);
  }

  /** Sets the loss ratio of the directed link {@code from -> to} at {@code atMs}. */
  public SimulationBuilder changeLinkLossRatio(int from, int to, double lossRatio, long atMs) {
    return schedule(new Fault.LinkChange(from, to, null, null, lossRatio, null), "link change", atMs);
  }

  /** Sets the duplication ratio of the directed link {@code from -> to} at {@code atMs}. */
  public SimulationBuilder changeLinkDuplicationRatio(int from, int to, double duplicationRatio, long atMs) {
    return schedule(new Fault.LinkChange(from, to, null, null, null, duplicationRatio), "link change", atMs);
  }

  private SimulationBuilder schedule(Fault fault, String what, long atMs) {
    scheduled.add(new ScheduledFault(fault, millisToMicros(what + " time", atMs)));
    return this;
  }

  /** The most events a simulation may process (default 10,000,000). */
  public SimulationBuilder eventsMax(long eventsMax) {
    checkOnce("eventsMax", this.eventsMax);
    if (eventsMax <= 0) {
      throw new IllegalArgumentException("eventsMax must be positive, got " + eventsMax);
    }
    this.eventsMax = eventsMax;
    return this;
  }

  /** The virtual time after which no event runs (default one day). */
  public SimulationBuilder horizonMs(long horizonMs) {
    return horizonMicros(millisToMicros("horizon", horizonMs));
  }

  public SimulationBuilder horizonMicros(long horizonMicros) {
    checkOnce("horizon", this.horizonMicros);
    this.horizonMicros = checkNotNegative("horizon", horizonMicros, "µs");
    return this;
  }

  /** Whether to keep every trace event (default true); the trace hash is kept either way. */
  public SimulationBuilder recordTrace(boolean recording) {
    checkOnce("recordTrace", this.recording);
    this.recording = recording;
    return this;
  }

  // ---- build ----

  /** A new simulation at time zero; each node's {@code @OnStart} runs as its first events. */
  public Simulation build() {
    for (Scheduled item : scheduled) {
      if (!(item instanceof ScheduledSend send)) {
        continue;
      }
      if (!nodes.containsKey(send.from()) || !nodes.containsKey(send.to())) {
        int missing = nodes.containsKey(send.from()) ? send.to() : send.from();
        throw new IllegalStateException(
            "send " + send.from() + " -> " + send.to() + " at " + TraceEvent.formatMillis(send.atMicros())
                + " ms names node " + missing + ", which does not exist; the nodes are " + nodes.keySet());
      }
    }
    Network.Link defaultLink =
        new Network.Link(
            latencyMicros == null ? Network.RELIABLE.latencyMicros() : latencyMicros,
            jitterMicros == null ? 0 : jitterMicros,
            lossRatio == null ? 0.0 : lossRatio,
            duplicationRatio == null ? 0.0 : duplicationRatio);
    TreeMap<Long, Network.Link> links = new TreeMap<>();
    for (Map.Entry<Long, LinkOverride> entry : linkOverrides.entrySet()) {
      LinkOverride link = entry.getValue();
      for (int id : new int[] {link.from, link.to}) {
        if (!nodes.containsKey(id)) {
          throw new IllegalStateException(
              "link " + link.from + " -> " + link.to + " names node " + id + ", which does not exist");
        }
      }
      links.put(entry.getKey(), link.resolve(defaultLink));
    }
    for (Scheduled item : scheduled) {
      if (item instanceof ScheduledFault fault) {
        checkFaultNodes(fault);
      }
    }
    return new Simulation(
        new Spec(
            seed == null ? DEFAULT_SEED : seed,
            eventsMax == null ? DEFAULT_EVENTS_MAX : eventsMax,
            horizonMicros == null ? DEFAULT_HORIZON_MICROS : horizonMicros,
            recording == null || recording,
            new Network(defaultLink, links),
            new TreeMap<>(nodes),
            List.copyOf(scheduled)));
  }

  private void checkFaultNodes(ScheduledFault scheduledFault) {
    Fault fault = scheduledFault.fault();
    String what = Fault.nameOf(fault) + " at " + TraceEvent.formatMillis(scheduledFault.atMicros()) + " ms";
    for (int node : fault.nodes()) {
      checkScheduledNode(node, what);
    }
  }

  private void checkScheduledNode(int node, String what) {
    if (!nodes.containsKey(node)) {
      throw new IllegalStateException(
          what + " names node " + node + ", which does not exist; the nodes are " + nodes.keySet());
    }
  }

  // ---- checks ----

  private static void checkOnce(String setting, Object current) {
    if (current != null) {
      throw new IllegalStateException(setting + " is already set (to " + current + "); set it once");
    }
  }

  private static long checkNotNegative(String what, long value, String unit) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must be zero or more, got " + value + " " + unit);
    }
    return value;
  }

  private static long millisToMicros(String what, long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException(what + " must be zero or more, got " + millis + " ms");
    }
    if (millis > MICROS_MAX_MS) {
      throw new IllegalArgumentException(what + " of " + millis + " ms is too large to count in microseconds");
    }
    return millis * 1000;
  }

  // ---- what build() hands the simulation ----

  /** A node's id, factory and companion. */
  record NodeSpec(int id, Supplier<?> factory, NodeCompanion<?> companion) {}

  /** Something the builder scheduled; the simulation queues them in the order they were given. */
  sealed interface Scheduled {
    long atMicros();
  }

  /** A send the builder scheduled. */
  record ScheduledSend(int from, int to, Object payload, long atMicros) implements Scheduled {}

  /** A fault the builder scheduled. */
  record ScheduledFault(Fault fault, long atMicros) implements Scheduled {}

  /** Everything a simulation is built from. */
  record Spec(
      long seed,
      long eventsMax,
      long horizonMicros,
      boolean recording,
      Network network,
      TreeMap<Integer, NodeSpec> nodes,
      List<Scheduled> scheduled) {}

  /** Per-link settings given so far; unset ones fall back to the default link. */
  private static final class LinkOverride {
    final int from;
    final int to;
    Long latencyMicros;
    Long jitterMicros;
    Double lossRatio;
    Double duplicationRatio;

    LinkOverride(int from, int to) {
      this.from = from;
      this.to = to;
    }

    Network.Link resolve(Network.Link defaults) {
      return new Fault.LinkChange(from, to, latencyMicros, jitterMicros, lossRatio, duplicationRatio).applyTo(defaults);
    }
  }
}
