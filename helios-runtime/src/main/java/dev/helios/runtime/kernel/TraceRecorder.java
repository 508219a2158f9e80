package dev.helios.runtime.kernel;

import dev.helios.runtime.fault.Fault;
import dev.helios.runtime.internal.Fingerprints;
import dev.helios.runtime.internal.Messages;
import dev.helios.runtime.trace.DropReason;
import dev.helios.runtime.trace.TraceEvent;
import dev.helios.runtime.trace.TraceKind;
import dev.helios.runtime.trace.TraceListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Keeps the trace digest of every event and, when recording is on, the events themselves; hands
 * each event to the attached listeners as it is recorded. The digest covers exactly what a
 * {@link TraceEvent} holds (payloads and faults by their digests), so two runs with equal digests
 * recorded the same trace. With recording off and no listener, an event costs its digest and
 * nothing else: no object is built.
 *
 * <p>A fork freezes the events so far into an immutable segment that both copies share; each then
 * appends to its own tail, so forking costs nothing per recorded event. Listeners are not copied.
 */
final class TraceRecorder {
  /** Marks an event without a message (start, log, cancel, faults). */
  static final Object NO_PAYLOAD = new Object();

  private static final TraceListener[] NO_LISTENERS = new TraceListener[0];
  private static final long[] DROP_DIGESTS = dropDigests();

  /** Events frozen at a fork, shared by every copy made since; {@code earlier} holds the older ones. */
  private record Segment(Segment earlier, TraceEvent[] events, int totalCount) {}

  private final boolean recording;
  private Segment frozen;
  private ArrayList<TraceEvent> tail;
  private long digest;
  private TraceListener[] listeners = NO_LISTENERS;
  /** True when an event object is needed: recording, or a listener attached. */
  private boolean observed;

  TraceRecorder(boolean recording) {
    this.recording = recording;
    this.observed = recording;
    this.tail = new ArrayList<>();
    this.digest = Fingerprints.start("helios-trace-v1");
  }

  private TraceRecorder(TraceRecorder source) {
    this.recording = source.recording;
    this.observed = source.recording;
    this.frozen = source.frozen;
    this.tail = new ArrayList<>();
    this.digest = source.digest;
  }

  /** An independent copy sharing the events so far, with no listeners. */
  TraceRecorder copy() {
    freeze();
    return new TraceRecorder(this);
  }

  private void freeze() {
    if (!tail.isEmpty()) {
      frozen = new Segment(frozen, tail.toArray(new TraceEvent[0]), size());
      tail = new ArrayList<>();
    }
  }

  void addListener(TraceListener listener) {
    if (listener == null) {
      throw new IllegalArgumentException("the trace listener is null");
    }
    listeners = Arrays.copyOf(listeners, listeners.length + 1);
    listeners[listeners.length - 1] = listener;
    observed = true;
  }

  /** Detaches {@code listener} (its first attachment); returns false if it was not attached. */
  boolean removeListener(TraceListener listener) {
    for (int i = 0; i < listeners.length; i++) {
      if (listeners[i] == listener) {
        TraceListener[] fewer = new TraceListener[listeners.length - 1];
        System.arraycopy(listeners, 0, fewer, 0, i);
        System.arraycopy(listeners, i + 1, fewer, i, fewer.length - i);
        listeners = fewer;
        observed = recording || fewer.length > 0;
        return true;
      }
    }
    return false;
  }

  /**
   * Records a message, timer or start event; {@code payloadDigest} is the message's digest (from
   * the companion of the node it is addressed to), or 0 with {@link #NO_PAYLOAD}.
   */
  void record(long timeMicros, TraceKind kind, int from, int to, long id, Object payload, long payloadDigest) {
    mix(timeMicros, kind, from, to, id, payloadDigest, 0);
    if (observed) {
      publish(new TraceEvent(timeMicros, kind, from, to, id, textOf(payload), null, null, null));
    }
  }

  /** Records a dropped message and why. */
  void recordDrop(long timeMicros, int from, int to, long id, Object payload, long payloadDigest, DropReason reason) {
    mix(timeMicros, TraceKind.DROP, from, to, id, payloadDigest, DROP_DIGESTS[reason.ordinal()]);
    if (observed) {
      publish(new TraceEvent(timeMicros, TraceKind.DROP, from, to, id, textOf(payload), reason, null, null));
    }
  }

  /** Records a line a node logged. */
  void recordLog(long timeMicros, int node, String line) {
    mix(timeMicros, TraceKind.LOG, node, -1, -1, 0, Messages.digest(line));
    if (observed) {
      publish(new TraceEvent(timeMicros, TraceKind.LOG, node, -1, -1, null, null, null, line));
    }
  }

  /** Records a fault taking effect; the event's nodes are the first two the fault names. */
  void recordFault(long timeMicros, Fault fault) {
    int[] nodes = fault.nodes();
    int from = nodes.length > 0 ? nodes[0] : -1;
    int to = nodes.length > 1 ? nodes[1] : -1;
    mix(timeMicros, TraceKind.FAULT, from, to, -1, fault.digest(), 0);
    if (observed) {
      publish(new TraceEvent(timeMicros, TraceKind.FAULT, from, to, -1, null, null, fault, null));
    }
  }

  private void mix(long timeMicros, TraceKind kind, int from, int to, long id, long payloadDigest, long detailDigest) {
    // The words are multiplied by distinct odd constants independently (so the CPU overlaps them),
    // then folded into the running digest with one multiply-rotate step: this runs twice per
    // delivered message, so only one multiply per event sits on the serial dependency chain.
    long word = timeMicros * 0x9e3779b97f4a7c15L
        ^ (((long) kind.ordinal() << 56) ^ ((from & 0xfffffffL) << 28) ^ (to & 0xfffffffL)) * 0xc2b2ae3d27d4eb4fL
        ^ id * 0x165667b19e3779f9L
        ^ payloadDigest * 0xd6e8feb86659fd93L
        ^ detailDigest * 0xff51afd7ed558ccdL;
    digest = Long.rotateLeft(digest ^ word, 29) * 0xbf58476d1ce4e5b9L;
  }

  private static String textOf(Object payload) {
    return payload == NO_PAYLOAD ? null : Messages.text(payload);
  }

  private void publish(TraceEvent event) {
    if (recording) {
      tail.add(event);
    }
    for (TraceListener listener : listeners) {
      listener.onEvent(event);
    }
  }

  boolean recording() {
    return recording;
  }

  /** The digest of every event so far, finished so that all its bits depend on every event. */
  long digest() {
    return Fingerprints.finish(digest);
  }

  /** How many events are recorded. */
  int size() {
    return (frozen == null ? 0 : frozen.totalCount()) + tail.size();
  }

  /** Every recorded event, oldest first (an unmodifiable snapshot). */
  List<TraceEvent> events() {
    return eventsFrom(0);
  }

  /**
   * The recorded events from index {@code first} on, oldest first (an unmodifiable snapshot). It
   * copies only those events, walking back from the newest, so reading a trace as it grows costs
   * what each read returns.
   */
  List<TraceEvent> eventsFrom(int first) {
    int size = size();
    if (first < 0 || first > size) {
      throw new IndexOutOfBoundsException(
          "trace events from " + first + " were asked for, but the trace has " + size + " events");
    }
    TraceEvent[] copy = new TraceEvent[size - first];
    int end = size; // one past the last event not copied yet, as a trace index
    int fromTail = Math.min(tail.size(), end - first);
    for (int i = 0; i < fromTail; i++) {
      copy[copy.length - fromTail + i] = tail.get(tail.size() - fromTail + i);
    }
    end -= tail.size();
    for (Segment segment = frozen; segment != null && end > first; segment = segment.earlier()) {
      int segmentStart = end - segment.events().length;
      int copyFrom = Math.max(segmentStart, first);
      System.arraycopy(segment.events(), copyFrom - segmentStart, copy, copyFrom - first, end - copyFrom);
      end = segmentStart;
    }
    return Collections.unmodifiableList(Arrays.asList(copy));
  }

  private static long[] dropDigests() {
    DropReason[] reasons = DropReason.values();
    long[] digests = new long[reasons.length];
    for (DropReason reason : reasons) {
      digests[reason.ordinal()] = Messages.digest(reason.text());
    }
    return digests;
  }
}
