package dev.helios.bench.explore;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.runtime.Context;

/**
 * A backup of the replicated counter: applies increments strictly in order and acknowledges the
 * highest it holds, to every replicate and heartbeat. Nothing survives its crash: a restarted
 * backup starts from zero and the primary's ticks bring it back up.
 */
@Node
public final class CounterBackup {
  long applied;
  long commitIndex;
  long lastHeardMicros;

  @OnMessage
  void onReplicate(CounterMessages.Replicate replicate, Context context) {
    if (replicate.index() == applied + 1) {
      applied++;
    }
    lastHeardMicros = context.nowMicros();
    context.reply(new CounterMessages.Ack(applied));
  }

  @OnMessage
  void onHeartbeat(CounterMessages.Heartbeat heartbeat, Context context) {
    commitIndex = Math.max(commitIndex, heartbeat.commitIndex());
    lastHeardMicros = context.nowMicros();
    context.reply(new CounterMessages.Ack(applied));
  }
}
