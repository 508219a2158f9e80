package dev.helios.runtime.kernel;

import dev.helios.runtime.Context;
import dev.helios.runtime.RunResult;
import dev.helios.runtime.SimRandom;
import dev.helios.runtime.SimulationFailedException;
import dev.helios.runtime.StopReason;
import dev.helios.runtime.fault.Fault;
import dev.helios.runtime.fault.ScheduledFault;
import dev.helios.runtime.internal.Copier;
import dev.helios.runtime.internal.Fingerprints;
import dev.helios.runtime.internal.Messages;
import dev.helios.runtime.internal.NodeCompanion;
import dev.helios.runtime.internal.NodeCompanions;
import dev.helios.runtime.trace.DropReason;
import dev.helios.runtime.trace.TraceEvent;
import dev.helios.runtime.trace.TraceFormats;
import dev.helios.runtime.trace.TraceKind;
import dev.helios.runtime.trace.TraceListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The simulation kernel: the event loop, the services handlers reach through their
 * {@link Context}, and the faults' effects. Single-threaded; the same spec and the same calls give
 * the same trace, bit for bit. Not API: {@code dev.helios.runtime.Simulation} is the face users
 * call, and checks nothing this class does not check again.
 */
public final class Kernel {
  private static final long NETWORK_STREAM = 0x6e6574776f726bL;
  private static final long NODE_STREAMS = 0x100000000L;
  /** True if some message type on the class path is {@code @Copyable}: see {@link #copyableMessageSeen}. */
  private static final boolean COPYABLE_MESSAGE_TYPES = Messages.anyCopyable();

  private final KernelSpec spec;
  private final long seed;
  private final long eventsMax;
  private final long horizonMicros;
  private final Network network;
  private final SimRandom networkRandom;
  private final EventQueue queue;
  private final TraceRecorder trace;
  private final KernelContext context = new KernelContext(this);
  private final FaultEffects faultEffects = new FaultEffects();

  // Nodes, indexed by id; ids lists the existing ones in ascending order. The arrays of ids,
  // companions and factories never change and are shared by forks.
  private final int[] ids;
  private final Object[] nodes;
  private final boolean[] crashed;
  private final NodeCompanion<Object>[] companions;
  private final Supplier<?>[] factories;
  private final SimRandom[] randoms;
  /**
   * Copy on first touch: {@code shared[id]} is true while node {@code id} and its random stream may
   * be the very objects another kernel (a fork, or the kernel forked from, or another fork of it)
   * also holds. No kernel changes a shared node: each copies it first ({@link #own}) when it is
   * about to run a handler of it or hand it out, and a restart only reads it. So a fork costs what
   * its branch touches, and a node can be shared by any number of kernels. Reads (fingerprint,
   * describe) need no copy. Copying reads the source only (an access-order probe of a LinkedHashMap
   * adds and removes two keys, which leaves it as it was), so kernels that share nodes are not
   * independent in memory: run them on one thread at a time.
   */
  private final boolean[] shared;
  /** How many nodes are shared: zero unless forked, so a run that never forks tests one field per touch. */
  private int sharedCount;
  /**
   * True once a {@code @Copyable} message (or a collection holding one) has been sent, scheduled or
   * set as a timer here or in a kernel this one was forked from; from then on forks copy every node
   * at once, through one {@link Copier}, as {@link #forkEager} does.
   *
   * <p>Why: a fork must keep an object shared where the original shares it. A {@code @Copyable}
   * message is mutable, and the queue and several nodes may hold it at once (a node keeps what it
   * sent, a receiver keeps what it got); only one copier across all of them keeps the copies sharing
   * one object, and nodes copied one at a time, on first touch, each through its own copier, would
   * not. Until such a message has been here, nothing mutable is reachable from two nodes or from a
   * node and the queue: every other message is an immutable value, and a node's state is its own,
   * so one node copied alone is exact. (A factory that hands several nodes one mutable object would
   * break that. It is not supported, and never worked with forks: a restart in a fork gets the
   * factory's object, the original's, again.) Per kernel rather than per class path, because one
   * {@code @Copyable} class anywhere on the class path would otherwise make every fork eager.
   */
  private boolean copyableMessageSeen;

  /** Pending timers: id to owning node. Looked up and removed, never iterated. */
  private final TreeMap<Long, Integer> pendingTimers;
  private long nextTimerId;
  private long nextMessageId;
  private long now;
  private long eventCount;
  private SimulationFailedException failure;
  /** The faults applied by hand ({@link #applyNow}), with the time of each; replaced, never changed. */
  private List<ScheduledFault> handFaults = List.of();

  /**
   * A kernel at time zero with each node made once by its factory (the instance that runs; its class
   * picks the generated companion) and each node's start, then the scheduled events, queued.
   */
  @SuppressWarnings("unchecked")
  public Kernel(KernelSpec spec) {
    this.spec = spec;
    this.seed = spec.seed();
    this.eventsMax = spec.eventsMax();
    this.horizonMicros = spec.horizonMicros();
    this.network = spec.network().copy();
    this.networkRandom = SimRandom.derive(seed, NETWORK_STREAM);
    this.queue = new EventQueue(spec.nodes().size() + spec.scheduled().size()); // the start events and the scheduled ones
    this.trace = new TraceRecorder(spec.recording());
    this.pendingTimers = new TreeMap<>();
    int size = spec.nodes().get(spec.nodes().size() - 1).id() + 1;
    this.ids = new int[spec.nodes().size()];
    this.nodes = new Object[size];
    this.companions = new NodeCompanion[size];
    this.factories = new Supplier<?>[size];
    this.randoms = new SimRandom[size];
    this.crashed = new boolean[size];
    this.shared = new boolean[size];
    int index = 0;
    for (KernelSpec.NodeSpec node : spec.nodes()) {
      int id = node.id();
      ids[index++] = id;
      factories[id] = node.factory();
      Object instance = node.factory().get();
      if (instance == null) {
        throw new IllegalArgumentException("node " + id + ": the factory returned null; return a new node");
      }
      companions[id] = (NodeCompanion<Object>) NodeCompanions.of(instance.getClass());
      nodes[id] = instance;
      randoms[id] = SimRandom.derive(seed, NODE_STREAMS + id);
      queue.push(0, EventQueue.START, id, id, -1, null);
    }
    for (KernelSpec.Scheduled scheduled : spec.scheduled()) {
      if (scheduled instanceof KernelSpec.ScheduledSend send) {
        // The digest checks now that the payload is a message value, and lets fingerprints see it.
        long digest = companions[send.to()].messageDigest(send.payload());
        noteCopyable(send.payload());
        queue.push(send.atMicros(), EventQueue.SEND, send.from(), send.to(), -1, send.payload(), digest);
      } else {
        Fault fault = ((KernelSpec.ScheduledFaultEntry) scheduled).fault().fault();
        queue.push(scheduled.atMicros(), EventQueue.FAULT, -1, -1, -1, fault, fault.digest());
      }
    }
  }

  /**
   * A copy of {@code source} with the same future. With {@code copyNodesNow} the two share nothing
   * mutable; without, they share every node and random stream, which neither changes: each copies
   * one before it first touches it ({@link #own}).
   */
  private Kernel(Kernel source, boolean copyNodesNow) {
    this.spec = source.spec;
    this.handFaults = source.handFaults;
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
    this.shared = new boolean[source.shared.length];
    this.copyableMessageSeen = source.copyableMessageSeen;
    if (copyNodesNow) {
      this.nodes = new Object[source.nodes.length];
      this.randoms = new SimRandom[source.randoms.length];
      // One copier for the whole fork: an object two nodes (or a node and a message) share stays shared.
      Copier copier = new Copier();
      for (int id : ids) {
        nodes[id] = copyNode(id, source.nodes[id], copier);
        randoms[id] = source.randoms[id].copy();
      }
      if (COPYABLE_MESSAGE_TYPES) {
        queue.replacePayloads(payload -> Messages.copy(payload, copier));
      }
    } else {
      // No @Copyable message has been here (see copyableMessageSeen), so the queue holds immutable
      // values only, and no two nodes share a mutable object: each node can be copied on its own, later.
      this.nodes = source.nodes.clone();
      this.randoms = source.randoms.clone();
      Arrays.fill(shared, true);
      Arrays.fill(source.shared, true);
      this.sharedCount = ids.length;
      source.sharedCount = ids.length;
    }
    this.crashed = source.crashed.clone();
    this.pendingTimers = new TreeMap<>(source.pendingTimers);
    this.nextTimerId = source.nextTimerId;
    this.nextMessageId = source.nextMessageId;
    this.now = source.now;
    this.eventCount = source.eventCount;
  }

  /**
   * An independent copy: see {@code Simulation.fork()}. Trace listeners are not copied. The two
   * share every node until one of them touches it ({@link #shared}), unless a {@code @Copyable}
   * message has been sent ({@link #copyableMessageSeen}): then every node is copied now, as {@link
   * #forkEager} does.
   */
  public Kernel fork() {
    checkUsable();
    return new Kernel(this, copyableMessageSeen);
  }

  /**
   * An independent copy that copies every node now, through one copier, as forks did before copy on
   * first touch: the same result as {@link #fork}, for benchmarks that compare the two.
   */
  public Kernel forkEager() {
    checkUsable();
    return new Kernel(this, true);
  }

  /** Node {@code id}, this kernel's own: copied first if another kernel may still hold it. */
  private Object own(int id) {
    return sharedCount != 0 && shared[id] ? unshare(id) : nodes[id];
  }

  /**
   * Replaces shared node {@code id} and its random stream with copies of them. One copier for the
   * node alone is enough: while nodes are shared, no mutable object is reachable from two of them.
   */
  private Object unshare(int id) {
    Object copy = copyNode(id, nodes[id], new Copier());
    nodes[id] = copy;
    randoms[id] = randoms[id].copy();
    shared[id] = false;
    sharedCount--;
    return copy;
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

  /** Runs until no events are left or a limit is hit; the clock stays at the last event's time. */
  public RunResult run() {
    checkUsable();
    while (true) {
      StopReason reason = blockedBy();
      if (reason != null) {
        return result(reason);
      }
      processNext();
    }
  }

  /**
   * Runs every event at or before {@code timeMicros}, then moves the clock to it, even if the queue
   * is empty. A time beyond the horizon runs to the horizon and stops there; the event budget stops
   * the run where it runs out.
   */
  public RunResult runUntilMicros(long timeMicros) {
    checkUsable();
    if (timeMicros < now) {
      throw new IllegalArgumentException(
          "cannot run until " + timeMicros + " µs: the clock is already at " + now + " µs; give a later time");
    }
    long target = Math.min(timeMicros, horizonMicros);
    while (!queue.isEmpty() && queue.peekTime() <= target) {
      if (eventCount >= eventsMax) {
        return result(StopReason.EVENT_BUDGET);
      }
      processNext();
    }
    now = Math.max(now, target);
    return result(timeMicros > horizonMicros ? StopReason.TIME_HORIZON : StopReason.UNTIL_REACHED);
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
      case EventQueue.FAULT -> applyScheduled((Fault) payload);
      default -> throw new IllegalStateException("unknown event kind " + kind);
    }
  }

  private void start(int node) {
    trace.record(now, TraceKind.START, node, -1, -1, TraceRecorder.NO_PAYLOAD, 0);
    context.self = node;
    context.sender = Context.NO_SENDER;
    try {
      companions[node].start(own(node), context);
    } catch (Exception | AssertionError e) {
      throw fail(node, "start of node " + node, e);
    }
  }

  private void deliver(int from, int to, long messageId, Object message, long digest) {
    if (crashed[to]) {
      trace.recordDrop(now, from, to, messageId, message, digest, DropReason.RECEIVER_CRASHED);
      return;
    }
    trace.record(now, TraceKind.DELIVER, from, to, messageId, message, digest);
    handle(to, from, message, -1);
  }

  private void fireTimer(int node, long timerId, Object message, long digest) {
    if (pendingTimers.remove(timerId) == null) {
      return; // cancelled; the cancellation is in the trace
    }
    trace.record(now, TraceKind.TIMER_FIRE, node, node, timerId, message, digest);
    handle(node, node, message, timerId);
  }

  /** Runs {@code node}'s handler for {@code message}; {@code timerId} is -1 for a delivery. */
  private void handle(int node, int sender, Object message, long timerId) {
    context.self = node;
    context.sender = sender;
    boolean handled;
    try {
      handled = companions[node].dispatch(own(node), message, context);
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
    noteCopyable(message);
    if (crashed[from]) {
      trace.recordDrop(now, from, to, messageId, message, digest, DropReason.SENDER_CRASHED);
      return;
    }
    trace.record(now, TraceKind.SEND, from, to, messageId, message, digest);
    if (network.isBlocked(from, to)) {
      trace.recordDrop(now, from, to, messageId, message, digest, DropReason.PARTITIONED);
      return;
    }
    Network.Link link = network.link(from, to);
    if (network.lose(link, networkRandom)) {
      trace.recordDrop(now, from, to, messageId, message, digest, DropReason.LOST);
      return;
    }
    queue.push(timeAfter(network.delayMicros(link, networkRandom)), EventQueue.DELIVER, from, to, messageId, message, digest);
    if (network.duplicate(link, networkRandom)) {
      trace.record(now, TraceKind.DUPLICATE, from, to, messageId, message, digest);
      queue.push(timeAfter(network.delayMicros(link, networkRandom)), EventQueue.DELIVER, from, to, messageId, message, digest);
    }
  }

  long setTimer(int node, long delayMicros, Object message) {
    if (delayMicros < 0) {
      throw new IllegalArgumentException("node " + node + " set a timer with a delay of " + delayMicros + " µs; delays are zero or more");
    }
    if (message == null) {
      throw new IllegalArgumentException("node " + node + " set a timer with a null message; use a value");
    }
    long id = nextTimerId++;
    pendingTimers.put(id, node);
    long digest = companions[node].messageDigest(message);
    noteCopyable(message);
    trace.record(now, TraceKind.TIMER_SET, node, node, id, message, digest);
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
    trace.record(now, TraceKind.TIMER_CANCEL, node, node, timerId, TraceRecorder.NO_PAYLOAD, 0);
    return true;
  }

  /**
   * Notes a message about to be queued if it is, or holds, a {@code @Copyable} value: see {@link
   * #copyableMessageSeen}. Free where no message type is {@code @Copyable}, and checked only until
   * the first one is seen.
   */
  private void noteCopyable(Object message) {
    if (COPYABLE_MESSAGE_TYPES && !copyableMessageSeen && holdsCopyable(message)) {
      copyableMessageSeen = true;
    }
  }

  /**
   * True if {@code value} is a {@code @Copyable} message or an (unmodifiable) collection holding
   * one. Elements are visited in the collection's order, which cannot change the answer.
   */
  private static boolean holdsCopyable(Object value) {
    if (value instanceof Collection<?> elements) {
      for (Object element : elements) {
        if (holdsCopyable(element)) {
          return true;
        }
      }
      return false;
    }
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (holdsCopyable(entry.getKey()) || holdsCopyable(entry.getValue())) {
          return true;
        }
      }
      return false;
    }
    return Messages.copy(value, new Copier()) != value;
  }

  SimRandom randomOf(int node) {
    if (sharedCount != 0 && shared[node]) {
      unshare(node);
    }
    return randoms[node];
  }

  void log(int node, String line) {
    trace.recordLog(now, node, String.valueOf(line));
  }

  // ---- faults ----

  /** Applies {@code fault} now, between events. */
  public void applyNow(Fault fault) {
    checkUsable();
    if (fault == null) {
      throw new IllegalArgumentException("the fault is null");
    }
    apply(fault);
    List<ScheduledFault> applied = new ArrayList<>(handFaults);
    applied.add(new ScheduledFault(fault, now));
    handFaults = List.copyOf(applied);
  }

  /**
   * This kernel's start again: built from its spec with {@code seed} and {@code recording}, the
   * faults applied by hand scheduled at their times (after what the spec scheduled at the same time).
   */
  public Kernel fromStart(long seed, boolean recording) {
    List<KernelSpec.Scheduled> scheduled = new ArrayList<>(spec.scheduled());
    for (ScheduledFault fault : handFaults) {
      scheduled.add(new KernelSpec.ScheduledFaultEntry(fault));
    }
    return new Kernel(new KernelSpec(
        seed, spec.eventsMax(), spec.horizonMicros(), recording, spec.network(), spec.nodes(), scheduled));
  }

  /** The faults applied by hand so far, oldest first, each with the time it was applied. */
  public List<ScheduledFault> handFaults() {
    return handFaults;
  }

  private void apply(Fault fault) {
    for (int node : fault.nodes()) {
      if (!exists(node)) {
        throw new IllegalArgumentException(
            "fault \"" + fault + "\" at " + TraceFormats.millis(now) + " ms names node " + node
                + ", which does not exist; the nodes are " + Arrays.toString(ids));
      }
    }
    faultEffects.apply(fault);
  }

  /**
   * What each fault does. Every method first refuses a fault that cannot apply now, then records
   * it, then changes the state, so the trace shows the fault before what it causes.
   */
  private final class FaultEffects implements Fault.Target {
    private Fault applying;

    void apply(Fault fault) {
      applying = fault;
      try {
        fault.applyTo(this);
      } finally {
        applying = null;
      }
    }

    private void record() {
      trace.recordFault(now, applying);
    }

    @Override
    public void crash(int node) {
      if (crashed[node]) {
        throw new IllegalStateException(
            "cannot crash node " + node + " at " + TraceFormats.millis(now) + " ms: it is already crashed; restart it first");
      }
      record();
      crashed[node] = true;
      pendingTimers.values().removeIf(owner -> owner == node);
    }

    @Override
    public void restart(int node) {
      if (!crashed[node]) {
        throw new IllegalStateException(
            "cannot restart node " + node + " at " + TraceFormats.millis(now) + " ms: it is running; crash it first");
      }
      record();
      Object fresh = newInstance(node);
      // Only reads the crashed instance, which may still be shared: its durable fields are copied.
      companions[node].restoreDurable(nodes[node], fresh);
      if (shared[node]) {
        randoms[node] = randoms[node].copy();
        shared[node] = false;
        sharedCount--;
      }
      nodes[node] = fresh;
      crashed[node] = false;
      start(node);
    }

    @Override
    public void partition(int a, int b) {
      record();
      network.block(a, b);
      network.block(b, a);
    }

    @Override
    public void partitionOneWay(int from, int to) {
      record();
      network.block(from, to);
    }

    @Override
    public void heal(int a, int b) {
      record();
      network.unblock(a, b);
      network.unblock(b, a);
    }

    @Override
    public void isolate(int node) {
      record();
      for (int other : ids) {
        if (other != node) {
          network.block(node, other);
          network.block(other, node);
        }
      }
    }

    @Override
    public void healAll() {
      record();
      network.unblockAll();
    }

    @Override
    public void linkLatency(int from, int to, long latencyMicros, long jitterMicros) {
      record();
      network.setLink(from, to, network.link(from, to).withLatency(latencyMicros, jitterMicros));
    }

    @Override
    public void linkLossRatio(int from, int to, double lossRatio) {
      record();
      network.setLink(from, to, network.link(from, to).withLossRatio(lossRatio));
    }

    @Override
    public void linkDuplicationRatio(int from, int to, double duplicationRatio) {
      record();
      network.setLink(from, to, network.link(from, to).withDuplicationRatio(duplicationRatio));
    }
  }

  /**
   * The faults that set the link {@code from -> to} to its settings now: latency and jitter, loss
   * ratio, duplication ratio. Applied later, they restore it.
   */
  public List<Fault> linkSettings(int from, int to) {
    checkNode(from);
    checkNode(to);
    Network.Link link = network.link(from, to);
    return List.of(
        new Fault.LinkLatency(from, to, link.latencyMicros(), link.jitterMicros()),
        new Fault.LinkLossRatio(from, to, link.lossRatio()),
        new Fault.LinkDuplicationRatio(from, to, link.duplicationRatio()));
  }

  /** True if {@code node} is crashed. */
  public boolean isCrashed(int node) {
    checkNode(node);
    return crashed[node];
  }

  // ---- failure ----

  /**
   * Applies a fault the builder scheduled. One that cannot apply where the run stands (in an
   * exploration, a choice crashed the node first) fails the run with a report, as a handler's
   * exception does, rather than escaping as a bare exception.
   */
  private void applyScheduled(Fault fault) {
    try {
      apply(fault);
    } catch (IllegalStateException cannot) {
      int node = fault instanceof Fault.Crash crash ? crash.node() : fault instanceof Fault.Restart restart ? restart.node() : -1;
      String report = FailureReport.ofScheduledFault(cannot.getMessage(), "fault " + fault, now, eventCount, seed, trace);
      failure = new SimulationFailedException(report, node, now, seed, cannot, fault);
      throw failure;
    }
  }

  private SimulationFailedException fail(int node, String event, Throwable cause) {
    String report = FailureReport.of(node, nodes[node].getClass(), cause, event, now, eventCount, seed, trace);
    failure = new SimulationFailedException(report, node, now, seed, cause);
    return failure;
  }

  private void checkUsable() {
    if (failure != null) {
      throw new IllegalStateException(
          "this simulation failed at " + TraceFormats.millis(failure.timeMicros())
              + " ms and cannot run further; see the failure report", failure);
    }
  }

  // ---- inspection ----

  public long nowMicros() {
    return now;
  }

  public long seed() {
    return seed;
  }

  public long eventCount() {
    return eventCount;
  }

  public int pendingEventCount() {
    return queue.size();
  }

  /** The time of the next pending event, or -1 if none is pending. */
  public long nextEventMicros() {
    return queue.isEmpty() ? -1 : queue.peekTime();
  }

  public int[] nodeIds() {
    return ids.clone();
  }

  /**
   * Node {@code id}, which the caller may change: copied first if a fork still shares it. A node
   * obtained before a fork belongs to neither side after it (a change to it would show in both
   * until each has copied it): get it again.
   */
  public Object node(int id) {
    checkNode(id);
    return own(id);
  }

  public List<TraceEvent> trace() {
    return trace.events();
  }

  public List<TraceEvent> traceFrom(int first) {
    return trace.eventsFrom(first);
  }

  public int traceSize() {
    return trace.size();
  }

  public boolean isRecording() {
    return trace.recording();
  }

  public long traceHash() {
    return trace.digest();
  }

  public void addTraceListener(TraceListener listener) {
    trace.addListener(listener);
  }

  public boolean removeTraceListener(TraceListener listener) {
    return trace.removeListener(listener);
  }

  /** See {@code Simulation.fingerprint()}. */
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

  public String describeNode(int id) {
    checkNode(id);
    StringBuilder json = new StringBuilder();
    companions[id].describe(nodes[id], json);
    return json.toString();
  }

  private boolean exists(int id) {
    return id >= 0 && id < nodes.length && nodes[id] != null;
  }

  private void checkNode(int id) {
    if (!exists(id)) {
      throw new IllegalArgumentException("there is no node " + id + "; the nodes are " + Arrays.toString(ids));
    }
  }
}
