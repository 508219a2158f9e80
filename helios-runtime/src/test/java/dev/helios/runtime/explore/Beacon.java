package dev.helios.runtime.explore;

import dev.helios.annotations.Durable;
import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import dev.helios.runtime.Context;

/**
 * A node that beats to every peer every 8 to 12 ms and remembers when it last heard one: partitions,
 * crashes and lossy links all show in what it heard.
 */
@Node
final class Beacon {
  record Beat(int from, long count) {}

  record Tick() {}

  @Durable long incarnation;
  long beatsSent;
  long beatsReceived;
  long lastBeatMicros = -1;
  final int peers;

  Beacon(int peers) {
    this.peers = peers;
  }

  @OnStart
  void onStart(Context context) {
    incarnation++;
    context.setTimerMicros(context.random().nextLong(8_000, 12_000), new Tick());
  }

  @OnMessage
  void onTick(Tick tick, Context context) {
    for (int peer = 0; peer < peers; peer++) {
      if (peer != context.self()) {
        context.send(peer, new Beat(context.self(), ++beatsSent));
      }
    }
    context.setTimerMicros(context.random().nextLong(8_000, 12_000), tick);
  }

  @OnMessage
  void onBeat(Beat beat, Context context) {
    beatsReceived++;
    lastBeatMicros = context.nowMicros();
  }
}
