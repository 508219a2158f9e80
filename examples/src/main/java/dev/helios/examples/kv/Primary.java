package dev.helios.examples.kv;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.runtime.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The primary: appends each put to its log (once, however often the client re-sends it), ships the
 * log to every backup, and confirms a put to its client only when every backup has acknowledged it. While entries are unacknowledged a timer
 * re-sends them, so loss and backup crashes delay confirmations but never lose them; once every
 * backup is up to date the timer stops and the simulation can go quiet.
 */
@Node
public final class Primary {
  /** How often unacknowledged entries are re-sent, in µs. */
  static final long RETRY_MICROS = 20_000;

  record Entry(String key, long value, int client, long requestId) {}

  final int[] backups;
  final List<Entry> log = new ArrayList<>();
  final TreeMap<String, Long> values = new TreeMap<>();
  /** Per backup (by position in {@code backups}): the highest index it has acknowledged, or -1. */
  long[] acknowledged;
  long confirmed = -1;
  boolean retrying;
  /** The log index of each put already appended, by client and request id, to ignore re-sends. */
  final TreeMap<Long, Long> indexByRequest = new TreeMap<>();

  Primary(int... backups) {
    this.backups = backups.clone();
    this.acknowledged = new long[backups.length];
    java.util.Arrays.fill(acknowledged, -1);
  }

  @OnMessage
  void onPut(Messages.Put put, Context context) {
    long request = ((long) context.sender() << 32) | put.requestId();
    Long known = indexByRequest.get(request);
    if (known != null) {
      if (known <= confirmed) {
        context.reply(new Messages.PutOk(put.requestId())); // the confirmation was lost
      }
      return;
    }
    indexByRequest.put(request, (long) log.size());
    log.add(new Entry(put.key(), put.value(), context.sender(), put.requestId()));
    values.put(put.key(), put.value());
    long index = log.size() - 1;
    for (int backup : backups) {
      context.send(backup, new Messages.Replicate(index, put.key(), put.value()));
    }
    if (!retrying) {
      retrying = true;
      context.setTimerMicros(RETRY_MICROS, new Messages.Tick());
    }
  }

  @OnMessage
  void onAck(Messages.ReplicateAck ack, Context context) {
    for (int i = 0; i < backups.length; i++) {
      if (backups[i] == context.sender()) {
        acknowledged[i] = Math.max(acknowledged[i], ack.index());
      }
    }
    long everywhere = Long.MAX_VALUE;
    for (long index : acknowledged) {
      everywhere = Math.min(everywhere, index);
    }
    while (confirmed < everywhere) {
      confirmed++;
      Entry entry = log.get((int) confirmed);
      context.send(entry.client(), new Messages.PutOk(entry.requestId()));
    }
  }

  @OnMessage
  void onTick(Messages.Tick tick, Context context) {
    boolean behind = false;
    for (int i = 0; i < backups.length; i++) {
      for (long next = acknowledged[i] + 1; next < log.size(); next++) {
        behind = true;
        Entry entry = log.get((int) next);
        context.send(backups[i], new Messages.Replicate(next, entry.key(), entry.value()));
      }
    }
    retrying = behind;
    if (behind) {
      context.setTimerMicros(RETRY_MICROS, tick);
    }
  }
}
