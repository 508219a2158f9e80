package dev.helios.runtime;

import dev.helios.runtime.internal.Fingerprints;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keeps the trace digest of every event and, when recording is on, the events themselves. The
 * digest covers exactly what a {@link TraceEvent} holds (with payloads by type and value), so two
 * runs with equal digests recorded the same trace.
 */
final class TraceRecorder {
  private final boolean recording;
  private final List<TraceEvent> events;
  private long digest;
  private long eventCount;

  TraceRecorder(boolean recording) {
    this.recording = recording;
    this.events = recording ? new ArrayList<>() : List.of();
    this.digest = Fingerprints.start("helios-trace-v1");
  }

  private TraceRecorder(TraceRecorder source) {
    this.recording = source.recording;
    this.events = recording ? new ArrayList<>(source.events) : List.of();
    this.digest = source.digest;
    this.eventCount = source.eventCount;
  }

  TraceRecorder copy() {
    return new TraceRecorder(this);
  }

  void record(long timeMicros, TraceKind kind, int from, int to, long timerId, Object payload, String note) {
    long h = Fingerprints.mix(digest, timeMicros);
    h = Fingerprints.mix(h, kind.ordinal());
    h = Fingerprints.mix(h, ((long) from << 32) ^ (to & 0xffffffffL));
    h = Fingerprints.mix(h, timerId);
    h = Fingerprints.mix(h, payload == NO_PAYLOAD ? 0 : Payloads.digest(payload));
    digest = Fingerprints.mix(h, note == null ? 0 : Fingerprints.ofString(note));
    eventCount++;
    if (recording) {
      String text = payload == NO_PAYLOAD ? null : Payloads.text(payload);
      events.add(new TraceEvent(timeMicros, kind, from, to, timerId, text, note));
    }
  }

  /** Marks an event without a message (start, log, cancel). */
  static final Object NO_PAYLOAD = new Object();

  boolean recording() {
    return recording;
  }

  long digest() {
    return digest;
  }

  long eventCount() {
    return eventCount;
  }

  List<TraceEvent> events() {
    return Collections.unmodifiableList(events);
  }
}
