package dev.helios.runtime;

import dev.helios.runtime.internal.Copier;
import dev.helios.runtime.internal.Fingerprints;
import dev.helios.runtime.internal.Messages;
import dev.helios.runtime.internal.NodeCompanion;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A deterministic simulation: nodes, a virtual clock in microseconds, a seeded network and a
 * trace. Single-threaded; the same seed and the same calls give the same trace, bit for bit.
 * Built by {@link SimulationBuilder}.
 */
public final class Simulation {
  private static final long NETWORK_STREAM = 0x6e6574776f726bL;
  private static final long NODE_STREAMS = 0x100000000L;
  private static final int TRACE_TAIL_LINES = 20;

  private final long seed;
  private final long eventsMax;
  private final long horizonMicros;
  private final Network network;
  private final SimRandom networkRandom;
  private final EventQueue queue;
  private final TraceRecorder trace;
  private final KernelContext context = new KernelContext(this);

  // Nodes, indexed by id; ids lists the existing ones in ascending order. The arrays of ids,
  // companions and factories never change and are shared by forks.
  private final int[] ids;
  private final Object[] nodes;
  private final boolean[] crashed;
  private final NodeCompanion<Object>[] companions;
  private final Supplier<?>[] factories;
  private final SimRandom[] randoms;

  /** Pending timers: id to owning node. Looked up and removed, never iterated. */
  private final TreeMap<Long, Integer> pendingTimers;
  private long nextTimerId;
  private long nextMessageId;
  private long now;
  private long eventCount;
  private SimulationFailedException failure;

  @SuppressWarnings("unchecked")
  Simulation(SimulationBuilder.Spec spec) {
    this.seed = spec.seed();
    this.eventsMax = spec.eventsMax();
    this.horizonMicros = spec.horizonMicros();
    this.network = spec.network();
    this.networkRandom = SimRandom.derive(seed, NETWORK_STREAM);
    this.queue = new EventQueue(spec.nodes().size() + spec.scheduled().size()); // the start events and the scheduled ones
    this.trace = new TraceRecorder(spec.recording());
    this.pendingTimers = new TreeMap<>();
    int size = spec.nodes().isEmpty() ? 0 : spec.nodes().lastKey() + 1;
    this.ids = new int[spec.nodes().size()];
    this.nodes = new Object[size];
    this.companions = new NodeCompanion[size];
    this.factories = new Supplier<?>[size];
    this.randoms = new SimRandom[size];
    this.crashed = new boolean[size];
    int index = 0;
    for (SimulationBuilder.NodeSpec node : spec.nodes().values()) {
      int id = node.id();
      ids[index++] = id;
      factories[id] = node.factory();
      companions[id] = (NodeCompanion<Object>) node.companion();
      nodes[id] = newInstance(id);
      randoms[id] = SimRandom.derive(seed, NODE_STREAMS + id);
      queue.push(0, EventQueue.START, id, id, -1, null);
    }
    for (SimulationBuilder.Scheduled scheduled : spec.scheduled()) {
      if (scheduled instanceof SimulationBuilder.ScheduledSend send) {
        // The digest checks now that the payload is a message value, and lets fingerprints see it.
        long digest = companions[send.to()].messageDigest(send.payload());
        queue.push(send.atMicros(), EventQueue.SEND, send.from(), send.to(), -1, send.payload(), digest);
      } else {
        SimulationBuilder.ScheduledFault fault = (SimulationBuilder.ScheduledFault) scheduled;
        queue.push(fault.atMicros(), EventQueue.FAULT, -1, -1, -1, fault.fault(), fault.fault().digest());
      }
    }
  }

  /** A copy of {@code source} that shares nothing mutable with it. */
  private Simulation(Simulation source) {
    this.seed = source.seed;
    this.eventsMax = source.eventsMax;
    this.horizonMicros = source.horizonMicros;
    this.network = source.network.copy();
    this.networkRandom = source.networkRandom.copy();
    this.queue = source.queue.copy();
    this.trace = source.trace.copy();
    this.ids = source.ids;
    this.companions = source.companions;
    this.factories = source.factories;
    this.nodes = new Object[source.nodes.length];
    this.randoms = new SimRandom[source.randoms.length];
    // One copier for the whole fork: an object two nodes (or a node and a message) share stays shared.
    Copier copier = new Copier();
    for (int id : ids) {
      nodes[id] = copyNode(id, source.nodes[id], copier);
      randoms[id] = source.randoms[id].copy();
    }
    if (Messages.anyCopyable()) {
      queue.replacePayloads(payload -> Messages.copy(payload, copier));
    }
    this.crashed = source.crashed.clone();
    this.pendingTimers = new TreeMap<>(source.pendingTimers);
    this.nextTimerId = source.nextTimerId;
    this.nextMessageId = source.nextMessageId;
    this.now = source.now;
    this.eventCount = source.eventCount;
  }

  /**
   * An independent copy of this simulation: clock, queue, random streams, network and partitions,
   * crashed nodes, timers, every node's state (through its generated copy) and the trace so far.
   * Changing or running either never affects the other, and running both gives the same trace.
   */
  public Simulation fork() {
    checkUsable();
    return new Simulation(this);
  }

  private Object copyNode(int id, Object node, Copier copier) {
    Object copy = newInstance(id);
    companions[id].copyState(node, copy, copier);
    return copy;
  }

  private Object newInstance(int id) {
    Object node = factories[id].get();
    if (node == null || node.getClass() != companions[id].nodeClass()) {
      throw new IllegalStateException(
          "the factory of node " + id + " returned " + (node == null ? "null" : "a " + node.getClass().getName())
              + " instead of a " + companions[id].nodeClass().getName() + "; a factory makes one class of node");
    }
    return node;
  }

  // ---- running ----

  /** Runs until no events are left or a limit is hit. */
  public RunResult run() {
    return runUntil(Long.MAX_VALUE);
  }

  /**
   * Runs every event at or before {@code timeMicros}, then advances the clock to it (unless a
   * limit stops the run first).
   */
  public RunResult runUntil(long timeMicros) {
    checkUsable();
    if (timeMicros < now) {
      throw new IllegalArgumentException(
          "cannot run until " + timeMicros + " µs: the clock is already at " + now + " µs");
    }
    while (true) {
      StopReason reason = blockedBy();
      if (reason != null) {
        return result(reason);
      }
      if (queue.peekTime() > timeMicros) {
        now = Math.min(timeMicros, horizonMicros);
        return result(StopReason.UNTIL_REACHED);
      }
      processNext();
    }
  }

  /** Processes the next event; returns false (and does nothing) if none is left or a limit is hit. */
  public boolean step() {
    checkUsable();
    if (blockedBy() != null) {
      return false;
    }
    processNext();
    return true;
  }

  /** Why no further event can run now, or null if one can. */
  private StopReason blockedBy() {
    if (queue.isEmpty()) {
      return StopReason.QUIESCENT;
    }
    if (eventCount >= eventsMax) {
      return StopReason.EVENT_BUDGET;
    }
    if (queue.peekTime() > horizonMicros) {
      return StopReason.TIME_HORIZON;
    }
    return null;
  }

  private RunResult result(StopReason reason) {
    return new RunResult(reason, eventCount, now);
  }

  /** The kernel loop's body: pop the earliest event, advance the clock, dispatch it. */
  private void processNext() {
    now = queue.peekTime();
    int slot = queue.pop();
    eventCount++;
    byte kind = queue.kind(slot);
    int from = queue.from(slot);
    int to = queue.to(slot);
    long id = queue.id(slot);
    Object payload = queue.payload(slot);
    long digest = queue.digest(slot);
    queue.release(slot);
    switch (kind) {
      case EventQueue.DELIVER -> deliver(from, to, id, payload, digest);
      case EventQueue.TIMER -> fireTimer(to, id, payload, digest);
      case EventQueue.SEND -> sendFrom(from, to, payload);
      case EventQueue.START -> start(to);
      case EventQueue.FAULT -> apply((Fault) payload);
      default -> throw new IllegalStateException("unknown event kind " + kind);
    }
  }

  private void start(int node) {
    trace.record(now, TraceKind.START, node, -1, -1, TraceRecorder.NO_PAYLOAD, 0, null);
    context.self = node;
    context.sender = Context.NO_SENDER;
    try {
      companions[node].start(nodes[node], context);
    } catch (Exception | AssertionError e) {
      throw fail(node, "start of node " + node, e);
    }
  }

  private void deliver(int from, int to, long messageId, Object message, long digest) {
    if (crashed[to]) {
      trace.record(now, TraceKind.DROP, from, to, messageId, message, digest, "receiver crashed");
      return;
    }
    trace.record(now, TraceKind.DELIVER, from, to, messageId, message, digest, null);
    handle(to, from, message, -1);
  }

  private void fireTimer(int node, long timerId, Object message, long digest) {
    if (pendingTimers.remove(timerId) == null) {
      return; // cancelled; the cancellation is in the trace
    }
    trace.record(now, TraceKind.TIMER_FIRE, node, node, timerId, message, digest, null);
    handle(node, node, message, timerId);
  }

  /** Runs {@code node}'s handler for {@code message}; {@code timerId} is -1 for a delivery. */
  private void handle(int node, int sender, Object message, long timerId) {
    context.self = node;
    context.sender = sender;
    boolean handled;
    try {
      handled = companions[node].dispatch(nodes[node], message, context);
    } catch (SimulationFailedException e) {
      throw e;
    } catch (Exception | AssertionError e) {
      throw fail(node, describeEvent(node, sender, message, timerId), e);
    }
    if (!handled) {
      throw fail(
          node,
          describeEvent(node, sender, message, timerId),
          new IllegalStateException(
              nodes[node].getClass().getName() + " has no @OnMessage handler for "
                  + (message == null ? "null" : message.getClass().getName())));
    }
  }

  /** The failed event, for the report: built only when a handler fails. */
  private static String describeEvent(int node, int sender, Object message, long timerId) {
    String event = timerId < 0 ? "deliver " + sender + " -> " + node : "timer " + timerId + " of node " + node;
    return event + " " + Messages.text(message);
  }


  // ---- what handlers do (through KernelContext) ----

  void sendFrom(int from, int to, Object message) {
    if (!exists(to)) {
      throw new IllegalArgumentException("node " + from + " sent to node " + to + ", which does not exist");
    }
    if (message == null) {
      throw new IllegalArgumentException("node " + from + " sent null to node " + to + "; send a value");
    }
    long messageId = nextMessageId++;
    long digest = companions[to].messageDigest(message);
    if (crashed[from]) {
      trace.record(now, TraceKind.DROP, from, to, messageId, message, digest, "sender crashed");
      return;
    }
    trace.record(now, TraceKind.SEND, from, to, messageId, message, digest, null);
    if (network.isBlocked(from, to)) {
      trace.record(now, TraceKind.DROP, from, to, messageId, message, digest, "partitioned");
      return;
    }
    Network.Link link = network.link(from, to);
    if (network.lose(link, networkRandom)) {
      trace.record(now, TraceKind.DROP, from, to, messageId, message, digest, "lost");
      return;
    }
    queue.push(timeAfter(network.delayMicros(link, networkRandom)), EventQueue.DELIVER, from, to, messageId, message, digest);
    if (network.duplicate(link, networkRandom)) {
      trace.record(now, TraceKind.DUPLICATE, from, to, messageId, message, digest, null);
      queue.push(timeAfter(network.delayMicros(link, networkRandom)), EventQueue.DELIVER, from, to, messageId, message, digest);
    }
  }

  long setTimer(int node, long delayMicros, Object message) {
    if (delayMicros < 0) {
      throw new IllegalArgumentException("node " + node + " set a timer " + delayMicros + " µs ago; delays are zero or more");
    }
    if (message == null) {
      throw new IllegalArgumentException("node " + node + " set a timer with a null message; use a value");
    }
    long id = nextTimerId++;
    pendingTimers.put(id, node);
    long digest = companions[node].messageDigest(message);
    trace.record(now, TraceKind.TIMER_SET, node, node, id, message, digest, null);
    queue.push(timeAfter(delayMicros), EventQueue.TIMER, node, node, id, message, digest);
    return id;
  }

  /**
   * The time {@code delayMicros} (zero or more) from now. The clock never wraps: a delay past the
   * end of time lands at {@code Long.MAX_VALUE}, beyond any horizon, so the run stops there.
   */
  private long timeAfter(long delayMicros) {
    long time = now + delayMicros;
    return time < now ? Long.MAX_VALUE : time;
  }

  boolean cancelTimer(int node, long timerId) {
    Integer owner = pendingTimers.get(timerId);
    if (owner == null) {
      return false;
    }
    if (owner != node) {
      throw new IllegalArgumentException(
          "node " + node + " cannot cancel timer " + timerId + ", which belongs to node " + owner);
    }
    pendingTimers.remove(timerId);
    trace.record(now, TraceKind.TIMER_CANCEL, node, node, timerId, TraceRecorder.NO_PAYLOAD, 0, null);
    return true;
  }

  SimRandom randomOf(int node) {
    return randoms[node];
  }

  void log(int node, String line) {
    trace.record(now, TraceKind.LOG, node, -1, -1, TraceRecorder.NO_PAYLOAD, 0, String.valueOf(line));
  }

  // ---- faults ----

  /** Crashes {@code node} now: it handles and sends nothing, its timers die, messages to it are dropped. */
  public void crash(int node) {
    applyNow(new Fault.Crash(node));
  }

  /** Restarts crashed {@code node} now: a fresh instance, {@code @Durable} fields carried over, {@code @OnStart} again. */
  public void restart(int node) {
    applyNow(new Fault.Restart(node));
  }

  /** Drops messages between {@code a} and {@code b}, both directions, from now on. */
  public void partition(int a, int b) {
    applyNow(new Fault.Partition(a, b, false));
  }

  /** Drops messages from {@code from} to {@code to} (not the other way) from now on. */
  public void partitionOneWay(int from, int to) {
    applyNow(new Fault.Partition(from, to, true));
  }

  /** Ends the partition between {@code a} and {@code b}, both directions. */
  public void heal(int a, int b) {
    applyNow(new Fault.Heal(a, b));
  }

  /** Partitions {@code node} from every other node, both directions. */
  public void isolate(int node) {
    applyNow(new Fault.Isolate(node));
  }

  /** Ends every partition and isolation. */
  public void healAll() {
    applyNow(new Fault.HealAll());
  }

  /** Sets the latency and jitter of the directed link {@code from -> to} from now on. */
  public void setLinkLatencyMicros(int from, int to, long latencyMicros, long jitterMicros) {
    applyNow(new Fault.LinkChange(from, to, latencyMicros, jitterMicros, null, null));
  }

  /** Sets the loss ratio of the directed link {@code from -> to} from now on. */
  public void setLinkLossRatio(int from, int to, double lossRatio) {
    applyNow(new Fault.LinkChange(from, to, null, null, lossRatio, null));
  }

  /** Sets the duplication ratio of the directed link {@code from -> to} from now on. */
  public void setLinkDuplicationRatio(int from, int to, double duplicationRatio) {
    applyNow(new Fault.LinkChange(from, to, null, null, null, duplicationRatio));
  }

  /** True if {@code node} is crashed. */
  public boolean isCrashed(int node) {
    checkNode(node);
    return crashed[node];
  }

  private void applyNow(Fault fault) {
    checkUsable();
    apply(fault);
  }

  private void apply(Fault fault) {
    if (fault instanceof Fault.Crash crash) {
      int node = checkFaultNode(crash.node(), "crash");
      if (crashed[node]) {
        throw new IllegalStateException(
            "cannot crash node " + node + " at " + TraceEvent.formatMillis(now) + " ms: it is already crashed; restart it first");
      }
      crashed[node] = true;
      pendingTimers.values().removeIf(owner -> owner == node);
      trace.record(now, TraceKind.CRASH, node, -1, -1, TraceRecorder.NO_PAYLOAD, 0, null);
    } else if (fault instanceof Fault.Restart restart) {
      int node = checkFaultNode(restart.node(), "restart");
      if (!crashed[node]) {
        throw new IllegalStateException(
            "cannot restart node " + node + " at " + TraceEvent.formatMillis(now) + " ms: it is running; crash it first");
      }
      Object fresh = newInstance(node);
      companions[node].restoreDurable(nodes[node], fresh);
      nodes[node] = fresh;
      crashed[node] = false;
      trace.record(now, TraceKind.RESTART, node, -1, -1, TraceRecorder.NO_PAYLOAD, 0, null);
      start(node);
    } else if (fault instanceof Fault.Partition partition) {
      int a = checkFaultNode(partition.a(), "partition");
      int b = checkFaultNode(partition.b(), "partition");
      network.block(a, b);
      if (!partition.oneWay()) {
        network.block(b, a);
      }
      trace.record(now, TraceKind.PARTITION, a, b, -1, TraceRecorder.NO_PAYLOAD, 0, partition.oneWay() ? "one-way" : null);
    } else if (fault instanceof Fault.Heal heal) {
      int a = checkFaultNode(heal.a(), "heal");
      int b = checkFaultNode(heal.b(), "heal");
      network.unblock(a, b);
      network.unblock(b, a);
      trace.record(now, TraceKind.HEAL, a, b, -1, TraceRecorder.NO_PAYLOAD, 0, null);
    } else if (fault instanceof Fault.Isolate isolate) {
      int node = checkFaultNode(isolate.node(), "isolate");
      for (int other : ids) {
        if (other != node) {
          network.block(node, other);
          network.block(other, node);
        }
      }
      trace.record(now, TraceKind.ISOLATE, node, -1, -1, TraceRecorder.NO_PAYLOAD, 0, null);
    } else if (fault instanceof Fault.HealAll) {
      network.unblockAll();
      trace.record(now, TraceKind.HEAL_ALL, -1, -1, -1, TraceRecorder.NO_PAYLOAD, 0, null);
    } else if (fault instanceof Fault.LinkChange change) {
      int from = checkFaultNode(change.from(), "change link");
      int to = checkFaultNode(change.to(), "change link");
      Network.Link link = change.applyTo(network.link(from, to));
      network.setLink(from, to, link);
      trace.record(now, TraceKind.LINK_CHANGE, from, to, -1, TraceRecorder.NO_PAYLOAD, 0, link.describe());
    } else {
      throw new IllegalStateException("unknown fault " + fault);
    }
  }

  private int checkFaultNode(int node, String action) {
    if (!exists(node)) {
      throw new IllegalArgumentException(
          "cannot " + action + " node " + node + ": there is no such node; the nodes are " + java.util.Arrays.toString(ids));
    }
    return node;
  }

  // ---- failure ----

  private SimulationFailedException fail(int node, String event, Throwable cause) {
    StringBuilder report = new StringBuilder();
    report.append("simulation failed: node ").append(node).append(" (")
        .append(nodes[node].getClass().getSimpleName()).append(") threw ").append(cause).append('\n');
    report.append("  event: ").append(event).append('\n');
    report.append("  time: ").append(TraceEvent.formatMillis(now)).append(" ms (event ")
        .append(eventCount).append(")\n");
    report.append("  seed: ").append(seed).append('\n');
    List<TraceEvent> events = trace.events();
    if (trace.recording()) {
      int first = Math.max(0, events.size() - TRACE_TAIL_LINES);
      report.append("  trace so far (last ").append(events.size() - first).append(" of ")
          .append(events.size()).append(" lines):\n");
      for (TraceEvent line : events.subList(first, events.size())) {
        report.append("    ").append(line.toText()).append('\n');
      }
    } else {
      report.append("  trace recording was off; rerun with the same seed and recording on to see it\n");
    }
    failure = new SimulationFailedException(report.toString(), node, now, seed, cause);
    return failure;
  }

  private void checkUsable() {
    if (failure != null) {
      throw new IllegalStateException(
          "this simulation failed at " + TraceEvent.formatMillis(failure.timeMicros())
              + " ms and cannot run further; see the failure report", failure);
    }
  }

  // ---- inspection ----

  /** The virtual time, in microseconds. */
  public long now() {
    return now;
  }

  /** The seed every random stream of this simulation derives from. */
  public long seed() {
    return seed;
  }

  /** Events processed so far. */
  public long eventCount() {
    return eventCount;
  }

  /** Events waiting in the queue. */
  public int pendingEventCount() {
    return queue.size();
  }

  /** The ids of the nodes, ascending. */
  public int[] nodeIds() {
    return ids.clone();
  }

  /** The node with {@code id} (the crashed instance while it is crashed). */
  public Object node(int id) {
    checkNode(id);
    return nodes[id];
  }

  /** The node with {@code id}, as {@code type}. */
  public <T> T node(int id, Class<T> type) {
    Object node = node(id);
    if (!type.isInstance(node)) {
      throw new IllegalArgumentException(
          "node " + id + " is a " + node.getClass().getName() + ", not a " + type.getName());
    }
    return type.cast(node);
  }

  /** The recorded trace (empty when recording is off). */
  public List<TraceEvent> trace() {
    return trace.events();
  }

  /** True if events are recorded; the digest is kept either way. */
  public boolean isRecording() {
    return trace.recording();
  }

  /** A 64-bit digest of the canonical trace so far, kept even when recording is off. */
  public long traceHash() {
    return trace.digest();
  }

  /** The trace as JSON Lines: one object per event, newline-terminated. */
  public String traceJsonLines() {
    StringBuilder out = new StringBuilder();
    for (TraceEvent event : trace.events()) {
      out.append(event.toJson()).append('\n');
    }
    return out.toString();
  }

  /**
   * The trace in the Chrome trace event format (JSON), which Perfetto opens: one track per node,
   * a flow arrow per delivered message, instant marks for drops and faults.
   */
  public String traceChromeJson() {
    return ChromeTrace.of(trace.events(), ids);
  }

  /** The trace as readable text, one event per line. */
  public String traceText() {
    StringBuilder out = new StringBuilder();
    for (TraceEvent event : trace.events()) {
      out.append(event.toText()).append('\n');
    }
    return out.toString();
  }

  /**
   * A 64-bit digest of everything that decides the rest of the run: the clock and the events
   * processed (the budget), every pending event in the order it will run (time, kind, nodes, id,
   * message digest, the digest of a {@code @Copyable} message's value now, and whether a timer is
   * still pending), the id counters that reach the trace, every random stream, the network (links
   * and partitions), crashed nodes and every node's state.
   * Two simulations with equal fingerprints, run on with the same calls, record the same trace from
   * there. The trace so far is not part of it.
   */
  public long fingerprint() {
    checkUsable();
    long[] digest = {Fingerprints.start("helios-simulation")};
    mixInto(digest, now);
    mixInto(digest, eventCount);
    mixInto(digest, nextMessageId);
    mixInto(digest, nextTimerId);
    mixInto(digest, queue.size());
    boolean mutableMessages = Messages.anyCopyable();
    queue.forEachInOrder((time, kind, from, to, id, payload, payloadDigest) -> {
      mixInto(digest, time);
      mixInto(digest, ((long) kind << 48) ^ ((from & 0xffffffL) << 24) ^ (to & 0xffffffL));
      mixInto(digest, id);
      mixInto(digest, payloadDigest);
      if (mutableMessages && (kind == EventQueue.DELIVER || kind == EventQueue.TIMER || kind == EventQueue.SEND)) {
        // A @Copyable message can change while it waits (the receiver of one copy of a duplicate
        // changes the other): its handler and its text in the trace will see its value now, while
        // the trace hash gets the digest kept from the send. Both decide the future.
        mixInto(digest, companions[to].messageDigest(payload));
      }
      if (kind == EventQueue.TIMER) {
        mixInto(digest, pendingTimers.containsKey(id) ? 1 : 0);
      }
    });
    mixInto(digest, networkRandom.state());
    mixInto(digest, network.digest());
    for (int id : ids) {
      mixInto(digest, id);
      mixInto(digest, crashed[id] ? 1 : 0);
      mixInto(digest, randoms[id].state());
      mixInto(digest, companions[id].fingerprint(nodes[id]));
    }
    return digest[0];
  }

  private static void mixInto(long[] digest, long value) {
    digest[0] = Fingerprints.mix(digest[0], value);
  }

  /** Node {@code id}'s state as a JSON object. */
  public String describeNode(int id) {
    checkNode(id);
    StringBuilder json = new StringBuilder();
    companions[id].describe(nodes[id], json);
    return json.toString();
  }

  /** One line: events, virtual time, trace hash. */
  public String summary() {
    return "events: " + eventCount + ", virtual time: " + TraceEvent.formatMillis(now)
        + " ms, trace hash: " + hex(traceHash());
  }

  /** A 64-bit value as 16 hex digits. */
  public static String hex(long value) {
    String digits = Long.toHexString(value);
    return "0".repeat(16 - digits.length()) + digits;
  }

  private boolean exists(int id) {
    return id >= 0 && id < nodes.length && nodes[id] != null;
  }

  private void checkNode(int id) {
    if (!exists(id)) {
      throw new IllegalArgumentException("there is no node " + id + "; the nodes are " + java.util.Arrays.toString(ids));
    }
  }
}
