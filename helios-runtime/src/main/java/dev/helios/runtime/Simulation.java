package dev.helios.runtime;

import dev.helios.runtime.fault.Fault;
import dev.helios.runtime.fault.ScheduledFault;
import dev.helios.runtime.kernel.Kernel;
import dev.helios.runtime.trace.TraceEvent;
import dev.helios.runtime.trace.TraceFormats;
import dev.helios.runtime.trace.TraceListener;
import java.util.List;

/**
 * A deterministic simulation: nodes, a virtual clock, a seeded network and a trace.
 * Single-threaded; the same seed and the same calls give the same trace, bit for bit. Built by
 * {@link SimulationBuilder}.
 *
 * <p>Times follow the API's one rule: milliseconds unless the name ends in {@code Micros}. The
 * clock counts microseconds, so the methods that read it say so.
 */
public final class Simulation {
  private final Kernel kernel;

  Simulation(Kernel kernel) {
    this.kernel = kernel;
  }

  /**
   * An independent copy of this simulation: clock, queue, random streams, network and partitions,
   * crashed nodes, timers, every node's state (through its generated copy, made when either side
   * first touches the node, so a fork costs what its branch changes) and the trace so far.
   * Changing or running either never affects the other, and running both gives the same trace.
   * Trace listeners stay with this simulation; attach them to the fork as needed.
   */
  public Simulation fork() {
    return new Simulation(kernel.fork());
  }

  /**
   * This simulation's start, again: a new simulation at time zero with the same nodes (made anew by
   * their factories), network, horizon, budget and scheduled sends and faults, and the faults
   * applied to this one by hand scheduled at the times they were applied; with run seed {@code seed}
   * and trace recording as given. What this simulation has run so far is not carried over.
   */
  public Simulation fromStart(long seed, boolean recordTrace) {
    return new Simulation(kernel.fromStart(seed, recordTrace));
  }

  /** The faults applied to this simulation by hand so far, oldest first, each at the time it was applied. */
  public List<ScheduledFault> faultsApplied() {
    return kernel.handFaults();
  }

  // ---- running ----

  /** Runs until no events are left or a limit is hit; the clock stays at the last event's time. */
  public RunResult run() {
    return kernel.run();
  }

  /**
   * Runs every event at or before {@code timeMicros}, then moves the clock to it, even when no event
   * is left. A time beyond the horizon runs to the horizon and stops there ({@link
   * StopReason#TIME_HORIZON}); the event budget stops the run where it runs out.
   */
  public RunResult runUntilMicros(long timeMicros) {
    return kernel.runUntilMicros(timeMicros);
  }

  /** As {@link #runUntilMicros}, with the time in milliseconds. */
  public RunResult runUntilMs(long timeMs) {
    if (timeMs < 0 || timeMs > Long.MAX_VALUE / 1000) {
      throw new IllegalArgumentException(
          "cannot run until " + timeMs + " ms: times are counted in microseconds, from 0 to "
              + Long.MAX_VALUE / 1000 + " ms; use runUntilMicros for times past that");
    }
    return kernel.runUntilMicros(timeMs * 1000);
  }

  /** Processes the next event; returns false (and does nothing) if none is left or a limit is hit. */
  public boolean step() {
    return kernel.step();
  }

  // ---- faults, now ----

  /** Applies {@code fault} now, between events: the same effect and trace line as when scheduled. */
  public void apply(Fault fault) {
    kernel.applyNow(fault);
  }

  /** Applies the fault written {@code faultText} (e.g. {@code "crash 1"}) now; see {@link Fault#parse}. */
  public void apply(String faultText) {
    kernel.applyNow(Fault.parse(faultText));
  }

  /** Crashes {@code node} now: it handles and sends nothing, its timers die, messages to it are dropped. */
  public void crash(int node) {
    apply(new Fault.Crash(node));
  }

  /** Restarts crashed {@code node} now: a fresh instance, {@code @Durable} fields carried over, {@code @OnStart} again. */
  public void restart(int node) {
    apply(new Fault.Restart(node));
  }

  /** Drops messages between {@code a} and {@code b}, both directions, from now on. */
  public void partition(int a, int b) {
    apply(new Fault.Partition(a, b));
  }

  /** Drops messages from {@code from} to {@code to} (not the other way) from now on. */
  public void partitionOneWay(int from, int to) {
    apply(new Fault.PartitionOneWay(from, to));
  }

  /** Ends the partition between {@code a} and {@code b}, both directions. */
  public void heal(int a, int b) {
    apply(new Fault.Heal(a, b));
  }

  /** Partitions {@code node} from every other node, both directions. */
  public void isolate(int node) {
    apply(new Fault.Isolate(node));
  }

  /** Ends every partition and isolation. */
  public void healAll() {
    apply(new Fault.HealAll());
  }

  /** Sets the latency and jitter (ms) of the directed link {@code from -> to} from now on. */
  public void linkLatency(int from, int to, long latencyMs, long jitterMs) {
    apply(new Fault.LinkLatency(from, to, Units.millisToMicros("latency", latencyMs), Units.millisToMicros("jitter", jitterMs)));
  }

  /** Sets the loss ratio of the directed link {@code from -> to} from now on. */
  public void linkLossRatio(int from, int to, double lossRatio) {
    apply(new Fault.LinkLossRatio(from, to, lossRatio));
  }

  /** Sets the duplication ratio of the directed link {@code from -> to} from now on. */
  public void linkDuplicationRatio(int from, int to, double duplicationRatio) {
    apply(new Fault.LinkDuplicationRatio(from, to, duplicationRatio));
  }

  /**
   * The faults that set the directed link {@code from -> to} to its settings now (latency and
   * jitter, loss ratio, duplication ratio); applying them later restores it.
   */
  public List<Fault> linkSettings(int from, int to) {
    return kernel.linkSettings(from, to);
  }

  /** True if {@code node} is crashed. */
  public boolean isCrashed(int node) {
    return kernel.isCrashed(node);
  }

  /**
   * True if {@code fault} can apply now: false for a crash of a crashed node and a restart of a
   * running one (which {@link #apply} refuses), true for anything else. The explorer, the
   * generated main's {@code --faults} and the visualizer skip a fault that cannot apply.
   */
  public boolean canApply(Fault fault) {
    if (fault instanceof Fault.Crash crash) {
      return !isCrashed(crash.node());
    }
    if (fault instanceof Fault.Restart restart) {
      return isCrashed(restart.node());
    }
    return true;
  }

  // ---- inspection ----

  /** The virtual time, in microseconds. */
  public long nowMicros() {
    return kernel.nowMicros();
  }

  /** The seed every random stream of this simulation derives from. */
  public long seed() {
    return kernel.seed();
  }

  /** Events processed so far. */
  public long eventCount() {
    return kernel.eventCount();
  }

  /** Events waiting in the queue. */
  public int pendingEventCount() {
    return kernel.pendingEventCount();
  }

  /** The time of the next pending event in µs, or -1 if none is pending. */
  public long nextEventMicros() {
    return kernel.nextEventMicros();
  }

  /** The ids of the nodes, ascending. */
  public int[] nodeIds() {
    return kernel.nodeIds();
  }

  /**
   * The node with {@code id} (the crashed instance while it is crashed), yours to read or change. A
   * fork shares nodes with its source until either side first touches one; a node you got before a
   * fork belongs to neither side after it, so get it again from the side you mean.
   */
  public Object node(int id) {
    return kernel.node(id);
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

  /** Node {@code id}'s state as a JSON object. */
  public String describeNode(int id) {
    return kernel.describeNode(id);
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
    return kernel.fingerprint();
  }

  // ---- the trace ----

  /** Every recorded event, oldest first (empty when recording is off): a copy, costing the trace's length. */
  public List<TraceEvent> trace() {
    return kernel.trace();
  }

  /**
   * The recorded events from index {@code first} (0 to {@link #traceSize()}) on: it copies only
   * those, so reading the trace as it grows costs what each read returns.
   */
  public List<TraceEvent> traceFrom(int first) {
    return kernel.traceFrom(first);
  }

  /** How many events are recorded (0 when recording is off). */
  public int traceSize() {
    return kernel.traceSize();
  }

  /** True if events are recorded; the trace hash is kept either way. */
  public boolean isRecording() {
    return kernel.isRecording();
  }

  /** A 64-bit digest of the canonical trace so far, kept even when recording is off. */
  public long traceHash() {
    return kernel.traceHash();
  }

  /**
   * Hands every event recorded from now on to {@code listener}, as it happens (recording on or off).
   * With no listener the kernel builds no event objects unless it records.
   */
  public void addTraceListener(TraceListener listener) {
    kernel.addTraceListener(listener);
  }

  /** Detaches {@code listener}; returns false if it was not attached. */
  public boolean removeTraceListener(TraceListener listener) {
    return kernel.removeTraceListener(listener);
  }

  /** One line: events, virtual time, trace hash. */
  public String summary() {
    return "events: " + eventCount() + ", virtual time: " + TraceFormats.millis(nowMicros())
        + " ms, trace hash: " + TraceFormats.hex(traceHash());
  }
}
