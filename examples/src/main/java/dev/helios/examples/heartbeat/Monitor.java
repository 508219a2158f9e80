package dev.helios.examples.heartbeat;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import dev.helios.runtime.Context;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A heartbeat failure detector: every {@link Heartbeats#PERIOD_MICROS} (with a little jitter) it
 * sends a beat to every peer, and at each tick it suspects the peers it has not heard from within
 * {@link Heartbeats#TIMEOUT_MICROS}, logging each change of mind.
 */
@Node
public final class Monitor {
  record Beat(long sequence) {}

  record Tick() {}

  final int peers;
  long sequence;
  /** When each peer was last heard from, by id: a TreeMap, so nothing depends on hash order. */
  final TreeMap<Integer, Long> lastHeardMicros = new TreeMap<>();
  final TreeSet<Integer> suspected = new TreeSet<>();

  Monitor(int peers) {
    this.peers = peers;
  }

  @OnStart
  void onStart(Context context) {
    for (int peer = 0; peer < peers; peer++) {
      if (peer != context.self()) {
        lastHeardMicros.put(peer, context.nowMicros());
      }
    }
    context.setTimerMicros(context.random().nextLong(1, Heartbeats.PERIOD_MICROS), new Tick());
  }

  @OnMessage
  void onTick(Tick tick, Context context) {
    sequence++;
    for (int peer : lastHeardMicros.keySet()) {
      context.send(peer, new Beat(sequence));
      boolean silent = context.nowMicros() - lastHeardMicros.get(peer) > Heartbeats.TIMEOUT_MICROS;
      if (silent && suspected.add(peer)) {
        context.log("suspect " + peer);
      }
    }
    long jitter = context.random().nextLong(0, Heartbeats.PERIOD_MICROS / 5);
    context.setTimerMicros(Heartbeats.PERIOD_MICROS - Heartbeats.PERIOD_MICROS / 10 + jitter, tick);
  }

  @OnMessage
  void onBeat(Beat beat, Context context) {
    lastHeardMicros.put(context.sender(), context.nowMicros());
    if (suspected.remove(context.sender())) {
      context.log("trust " + context.sender() + " again");
    }
  }

  /** True if this monitor suspects {@code peer} now. */
  public boolean suspects(int peer) {
    return suspected.contains(peer);
  }
}
