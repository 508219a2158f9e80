package dev.helios.runtime;

import dev.helios.runtime.internal.Fingerprints;
import dev.helios.runtime.internal.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Keeps the trace digest of every event and, when recording is on, the events themselves. The
 * digest covers exactly what a {@link TraceEvent} holds (with payloads by type and value), so two
 * runs with equal digests recorded the same trace.
 *
 * <p>A fork freezes the events so far into an immutable segment that both copies share; each then
 * appends to its own tail, so forking costs nothing per recorded event.
 */
final class TraceRecorder {
  /** Marks an event without a message (start, log, cancel, faults). */
  static final Object NO_PAYLOAD = new Object();

  /** Events frozen at a fork, shared by every copy made since; {@code earlier} holds the older ones. */
  private record Segment(Segment earlier, TraceEvent[] events, int totalCount) {}

  private final boolean recording;
  private Segment frozen;
  private ArrayList<TraceEvent> tail;
  private long digest;

  TraceRecorder(boolean recording) {
    this.recording = recording;
    this.tail = new ArrayList<>();
    this.digest = Fingerprints.start("helios-trace-v1");
  }

  private TraceRecorder(TraceRecorder source) {
    this.recording = source.recording;
    this.frozen = source.frozen;
    this.tail = new ArrayList<>();
    this.digest = source.digest;
  }

  /** An independent copy sharing the events so far. */
  TraceRecorder copy() {
    freeze();
    return new TraceRecorder(this);
  }

  private void freeze() {
    if (!tail.isEmpty()) {
      int total = (frozen == null ? 0 : frozen.totalCount()) + tail.size();
      frozen = new Segment(frozen, tail.toArray(new TraceEvent[0]), total);
      tail = new ArrayList<>();
    }
  }

  /**
   * Records one event; {@code payloadDigest} is the message's digest (from the companion of the
   * node it is addressed to), or 0 with {@link #NO_PAYLOAD}.
   */
  void record(
      long timeMicros, TraceKind kind, int from, int to, long id, Object payload, long payloadDigest, String note) {
    // The words are multiplied by distinct odd constants independently (so the CPU overlaps them),
    // then folded into the running digest with one multiply-rotate step: this runs twice per
    // delivered message, so only one multiply per event sits on the serial dependency chain.
    long word = timeMicros * 0x9e3779b97f4a7c15L
        ^ (((long) kind.ordinal() << 56) ^ ((from & 0xfffffffL) << 28) ^ (to & 0xfffffffL)) * 0xc2b2ae3d27d4eb4fL
        ^ id * 0x165667b19e3779f9L
        ^ payloadDigest * 0xd6e8feb86659fd93L
        ^ (note == null ? 0 : Messages.digest(note)) * 0xff51afd7ed558ccdL;
    digest = Long.rotateLeft(digest ^ word, 29) * 0xbf58476d1ce4e5b9L;
    if (recording) {
      String text = payload == NO_PAYLOAD ? null : Messages.text(payload);
      tail.add(new TraceEvent(timeMicros, kind, from, to, id, text, note));
    }
  }

  boolean recording() {
    return recording;
  }

  /** The digest of every event so far, finished so that all its bits depend on every event. */
  long digest() {
    return Fingerprints.finish(digest);
  }

  /** Every recorded event, oldest first (an unmodifiable snapshot). */
  List<TraceEvent> events() {
    int frozenCount = frozen == null ? 0 : frozen.totalCount();
    TraceEvent[] all = new TraceEvent[frozenCount + tail.size()];
    int end = frozenCount;
    for (Segment segment = frozen; segment != null; segment = segment.earlier()) {
      end -= segment.events().length;
      System.arraycopy(segment.events(), 0, all, end, segment.events().length);
    }
    for (int i = 0; i < tail.size(); i++) {
      all[frozenCount + i] = tail.get(i);
    }
    return Collections.unmodifiableList(Arrays.asList(all));
  }
}
