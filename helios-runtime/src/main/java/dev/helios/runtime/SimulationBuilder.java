package dev.helios.runtime;

import dev.helios.runtime.fault.Fault;
import dev.helios.runtime.fault.ScheduledFault;
import dev.helios.runtime.kernel.Kernel;
import dev.helios.runtime.kernel.KernelSpec;
import dev.helios.runtime.kernel.Network;
import dev.helios.runtime.nodes.Echo;
import dev.helios.runtime.nodes.Ping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Builds a {@link Simulation}. Times follow the API's one rule: milliseconds unless the name ends
 * in {@code Micros}. Every setter checks its argument and names the value and the rule when it is
 * wrong; settings that may be given once throw when given twice. A fault method that ends in a
 * time schedules that fault then ({@code crash(1, 50)}); the link methods without a time set the
 * link from the start.
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

  private final TreeMap<Integer, KernelSpec.NodeSpec> nodes = new TreeMap<>();
  private final List<KernelSpec.Scheduled> scheduled = new ArrayList<>();
  private final TreeMap<Long, LinkOverride> linkOverrides = new TreeMap<>();
  private Long seed;
  private String seedSetBy;
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

  /**
   * Adds node {@code id} made by {@code factory}. The factory is called once when the simulation is
   * built (the class of what it returns picks the generated code), and again on every restart and
   * fork; it must return a new node of the same class each time.
   */
  public <T> SimulationBuilder node(int id, Supplier<T> factory) {
    checkNodeId(id);
    if (factory == null) {
      throw new IllegalArgumentException("node " + id + ": the factory is null");
    }
    nodes.put(id, new KernelSpec.NodeSpec(id, factory));
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
   * The seed's one-call network and seed: every link has {@code latencyMs} latency plus up to
   * {@code jitterMs} jitter and loses {@code lossRatio} of messages, and {@code seed} is the run's
   * one seed, the same as {@link #seed(long)} (every random stream, the network's and each
   * node's, derives from it). Everything is checked before anything is set.
   */
  public SimulationBuilder lossyNetwork(long latencyMs, long jitterMs, double lossRatio, long seed) {
    long latencyMicros = Units.millisToMicros("latency", latencyMs);
    long jitterMicros = Units.millisToMicros("jitter", jitterMs);
    Network.checkRatio("loss ratio", lossRatio);
    checkOnce("latency", this.latencyMicros);
    checkOnce("jitter", this.jitterMicros);
    checkOnce("loss ratio", this.lossRatio);
    checkSeedOnce(seed);
    this.latencyMicros = latencyMicros;
    this.jitterMicros = jitterMicros;
    this.lossRatio = lossRatio;
    this.seed = seed;
    this.seedSetBy = "lossyNetwork(" + latencyMs + ", " + jitterMs + ", " + lossRatio + ", " + seed + ")";
    return this;
  }

  /** The default one-way latency of every link (default 1 ms). */
  public SimulationBuilder latencyMs(long latencyMs) {
    return latencyMicros(Units.millisToMicros("latency", latencyMs));
  }

  /** As {@link #latencyMs}, in microseconds. */
  public SimulationBuilder latencyMicros(long latencyMicros) {
    checkOnce("latency", this.latencyMicros);
    this.latencyMicros = Units.checkMicros("latency", latencyMicros);
    return this;
  }

  /** The default jitter: each copy of a message gets an extra delay uniform in [0, jitter]. */
  public SimulationBuilder jitterMs(long jitterMs) {
    return jitterMicros(Units.millisToMicros("jitter", jitterMs));
  }

  /** As {@link #jitterMs}, in microseconds. */
  public SimulationBuilder jitterMicros(long jitterMicros) {
    checkOnce("jitter", this.jitterMicros);
    this.jitterMicros = Units.checkMicros("jitter", jitterMicros);
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

  /** Latency and jitter (ms) of the directed link {@code from -> to} from the start, overriding the defaults. */
  public SimulationBuilder linkLatency(int from, int to, long latencyMs, long jitterMs) {
    // Both times are checked before the link is touched, so a refused call leaves no override behind.
    long latencyMicros = Units.millisToMicros("latency", latencyMs);
    long jitterMicros = Units.millisToMicros("jitter", jitterMs);
    LinkOverride link = override(from, to);
    checkOnce("latency of link " + from + " -> " + to, link.latencyMicros);
    link.latencyMicros = latencyMicros;
    link.jitterMicros = jitterMicros;
    return this;
  }

  /** The loss ratio of the directed link {@code from -> to} from the start, overriding the default. */
  public SimulationBuilder linkLossRatio(int from, int to, double lossRatio) {
    Network.checkRatio("loss ratio of link " + from + " -> " + to, lossRatio);
    LinkOverride link = override(from, to);
    checkOnce("loss ratio of link " + from + " -> " + to, link.lossRatio);
    link.lossRatio = lossRatio;
    return this;
  }

  /** The duplication ratio of the directed link {@code from -> to} from the start, overriding the default. */
  public SimulationBuilder linkDuplicationRatio(int from, int to, double duplicationRatio) {
    Network.checkRatio("duplication ratio of link " + from + " -> " + to, duplicationRatio);
    LinkOverride link = override(from, to);
    checkOnce("duplication ratio of link " + from + " -> " + to, link.duplicationRatio);
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

  /** The run's one seed: every random stream derives from it (default 0). */
  public SimulationBuilder seed(long seed) {
    checkSeedOnce(seed);
    this.seed = seed;
    this.seedSetBy = "seed(" + seed + ")";
    return this;
  }

  private void checkSeedOnce(long newSeed) {
    if (seed != null) {
      throw new IllegalStateException(
          "the seed is already set to " + seed + " by " + seedSetBy + ", so it cannot become " + newSeed
              + "; a simulation has one seed, from which every random stream derives: set it in one place");
    }
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
    return horizonMicros(Units.millisToMicros("horizon", horizonMs));
  }

  /** As {@link #horizonMs}, in microseconds. */
  public SimulationBuilder horizonMicros(long horizonMicros) {
    checkOnce("horizon", this.horizonMicros);
    this.horizonMicros = Units.checkMicros("horizon", horizonMicros);
    return this;
  }

  /** Whether to keep every trace event (default true); the trace hash is kept either way. */
  public SimulationBuilder recordTrace(boolean recording) {
    checkOnce("recordTrace", this.recording);
    this.recording = recording;
    return this;
  }

  // ---- scheduled sends ----

  /** Node {@code from} sends {@code payload} to node {@code to} at {@code atMs}. */
  public SimulationBuilder send(int from, int to, Object payload, long atMs) {
    return sendAtMicros(from, to, payload, Units.millisToMicros("send time", atMs));
  }

  /** As {@link #send}, at {@code atMicros}. */
  public SimulationBuilder sendAtMicros(int from, int to, Object payload, long atMicros) {
    if (payload == null) {
      throw new IllegalArgumentException("send " + from + " -> " + to + ": the payload is null; send a value");
    }
    Units.checkMicros("send time", atMicros);
    scheduled.add(new KernelSpec.ScheduledSend(from, to, payload, atMicros));
    return this;
  }

  // ---- scheduled faults (time in ms, last) ----

  /** Crashes {@code node} at {@code atMs}. */
  public SimulationBuilder crash(int node, long atMs) {
    return fault(new Fault.Crash(node), atMs);
  }

  /** Restarts crashed {@code node} at {@code atMs}. */
  public SimulationBuilder restart(int node, long atMs) {
    return fault(new Fault.Restart(node), atMs);
  }

  /** Partitions {@code a} and {@code b}, both directions, at {@code atMs}. */
  public SimulationBuilder partition(int a, int b, long atMs) {
    return fault(new Fault.Partition(a, b), atMs);
  }

  /** Drops messages from {@code from} to {@code to} (one direction) from {@code atMs}. */
  public SimulationBuilder partitionOneWay(int from, int to, long atMs) {
    return fault(new Fault.PartitionOneWay(from, to), atMs);
  }

  /** Heals the partition between {@code a} and {@code b} at {@code atMs}. */
  public SimulationBuilder heal(int a, int b, long atMs) {
    return fault(new Fault.Heal(a, b), atMs);
  }

  /** Isolates {@code node} from every other node at {@code atMs}. */
  public SimulationBuilder isolate(int node, long atMs) {
    return fault(new Fault.Isolate(node), atMs);
  }

  /** Heals every partition at {@code atMs}. */
  public SimulationBuilder healAll(long atMs) {
    return fault(new Fault.HealAll(), atMs);
  }

  /** Sets latency and jitter (ms) of the directed link {@code from -> to} at {@code atMs}. */
  public SimulationBuilder linkLatency(int from, int to, long latencyMs, long jitterMs, long atMs) {
    return fault(
        new Fault.LinkLatency(from, to, Units.millisToMicros("latency", latencyMs), Units.millisToMicros("jitter", jitterMs)),
        atMs);
  }

  /** Sets the loss ratio of the directed link {@code from -> to} at {@code atMs}. */
  public SimulationBuilder linkLossRatio(int from, int to, double lossRatio, long atMs) {
    return fault(new Fault.LinkLossRatio(from, to, lossRatio), atMs);
  }

  /** Sets the duplication ratio of the directed link {@code from -> to} at {@code atMs}. */
  public SimulationBuilder linkDuplicationRatio(int from, int to, double duplicationRatio, long atMs) {
    return fault(new Fault.LinkDuplicationRatio(from, to, duplicationRatio), atMs);
  }

  /** Schedules {@code fault} at {@code atMs}. */
  public SimulationBuilder fault(Fault fault, long atMs) {
    if (fault == null) {
      throw new IllegalArgumentException("the fault is null");
    }
    return fault(new ScheduledFault(fault, Units.millisToMicros("time of " + fault, atMs)));
  }

  /** Schedules {@code fault} at its time. */
  public SimulationBuilder fault(ScheduledFault fault) {
    if (fault == null) {
      throw new IllegalArgumentException("the scheduled fault is null");
    }
    scheduled.add(new KernelSpec.ScheduledFaultEntry(fault));
    return this;
  }

  /**
   * Schedules every fault of {@code script} in the fault language, one per line or separated by
   * {@code ;}, e.g. {@code "crash 1 @ 50ms; restart 1 @ 80ms"}; see {@link ScheduledFault#parseAll}.
   */
  public SimulationBuilder faults(String script) {
    for (ScheduledFault fault : ScheduledFault.parseAll(script)) {
      fault(fault);
    }
    return this;
  }

  // ---- build ----

  /** A new simulation at time zero; each node's {@code @OnStart} runs as its first events. */
  public Simulation build() {
    if (nodes.isEmpty()) {
      throw new IllegalStateException("a simulation needs at least one node; add one with node(id, factory)");
    }
    for (KernelSpec.Scheduled item : scheduled) {
      if (item instanceof KernelSpec.ScheduledSend send) {
        String what = "send " + send.from() + " -> " + send.to() + " at " + Units.describeMicros(send.atMicros());
        checkScheduledNode(send.from(), what);
        checkScheduledNode(send.to(), what);
      } else {
        ScheduledFault fault = ((KernelSpec.ScheduledFaultEntry) item).fault();
        for (int node : fault.fault().nodes()) {
          checkScheduledNode(node, "fault \"" + fault + "\"");
        }
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
      String what = "link " + link.from + " -> " + link.to;
      checkScheduledNode(link.from, what);
      checkScheduledNode(link.to, what);
      links.put(entry.getKey(), link.resolve(defaultLink));
    }
    KernelSpec spec =
        new KernelSpec(
            seed == null ? DEFAULT_SEED : seed,
            eventsMax == null ? DEFAULT_EVENTS_MAX : eventsMax,
            horizonMicros == null ? DEFAULT_HORIZON_MICROS : horizonMicros,
            recording == null || recording,
            new Network(defaultLink, links),
            List.copyOf(nodes.values()),
            scheduled);
    return new Simulation(new Kernel(spec));
  }

  private void checkScheduledNode(int node, String what) {
    if (!nodes.containsKey(node)) {
      throw new IllegalStateException(
          what + " names node " + node + ", which does not exist; the nodes are " + nodes.keySet());
    }
  }

  private static void checkOnce(String setting, Object current) {
    if (current != null) {
      throw new IllegalStateException(setting + " is already set (to " + current + "); set it once");
    }
  }

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
      return new Network.Link(
          latencyMicros == null ? defaults.latencyMicros() : latencyMicros,
          jitterMicros == null ? defaults.jitterMicros() : jitterMicros,
          lossRatio == null ? defaults.lossRatio() : lossRatio,
          duplicationRatio == null ? defaults.duplicationRatio() : duplicationRatio);
    }
  }
}
