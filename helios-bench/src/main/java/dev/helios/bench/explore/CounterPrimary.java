package dev.helios.bench.explore;

import dev.helios.annotations.Durable;
import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import dev.helios.runtime.Context;
import java.util.Arrays;

/**
 * The primary of a replicated counter: appends each increment, ships it to its backups, commits
 * an increment once a majority of backups hold it and tells the client. Every {@link #TICK_MS} ms
 * it re-ships what each backup lacks (a few entries at a time) or, if none lacks anything, sends a
 * heartbeat. Its log length survives a crash (as if on disk); what it knows of the backups does not.
 */
@Node
public final class CounterPrimary {
  static final long TICK_MS = 5;
  /** The most entries one tick re-ships to one backup. */
  static final int CATCH_UP_MAX = 4;

  final int client;
  final int[] backups;
  @Durable long length;
  long commitIndex;
  /** Per backup (by position in {@code backups}): the highest index it has acknowledged. */
  long[] acknowledged;

  CounterPrimary(int client, int... backups) {
    this.client = client;
    this.backups = backups.clone();
    this.acknowledged = new long[backups.length];
  }

  @OnStart
  void onStart(Context context) {
    context.setTimerMs(TICK_MS, new CounterMessages.Tick());
  }

  @OnMessage
  void onIncrement(CounterMessages.Increment increment, Context context) {
    length++;
    for (int backup : backups) {
      context.send(backup, new CounterMessages.Replicate(length));
    }
  }

  @OnMessage
  void onAck(CounterMessages.Ack ack, Context context) {
    for (int i = 0; i < backups.length; i++) {
      if (backups[i] == context.sender()) {
        acknowledged[i] = Math.max(acknowledged[i], ack.index());
      }
    }
    long majority = majorityIndex();
    if (majority > commitIndex) {
      commitIndex = majority;
      context.send(client, new CounterMessages.Committed(commitIndex));
    }
  }

  /** The highest index that more than half of the backups hold. */
  private long majorityIndex() {
    long[] sorted = acknowledged.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length - (sorted.length / 2 + 1)];
  }

  @OnMessage
  void onTick(CounterMessages.Tick tick, Context context) {
    for (int i = 0; i < backups.length; i++) {
      if (acknowledged[i] < length) {
        long last = Math.min(length, acknowledged[i] + CATCH_UP_MAX);
        for (long index = acknowledged[i] + 1; index <= last; index++) {
          context.send(backups[i], new CounterMessages.Replicate(index));
        }
      } else {
        context.send(backups[i], new CounterMessages.Heartbeat(commitIndex));
      }
    }
    context.setTimerMs(TICK_MS, tick);
  }
}
