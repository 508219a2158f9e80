package dev.helios.wasm;

import dev.helios.annotations.Durable;
import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import dev.helios.runtime.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A gossiping node whose state exercises what must agree between the JVM and WebAssembly: a
 * durable counter, a log of records, a hash map (fingerprinted and described without hash order),
 * timers and random draws.
 */
@Node
final class Replica {
  record Entry(long atMicros, int from, String value) {}

  record Tick() {}

  @Durable long incarnation;
  long received;
  int peers;
  final List<Entry> log = new ArrayList<>();
  Map<String, Long> counts = new HashMap<>();

  Replica(int peers) {
    this.peers = peers;
  }

  @OnStart
  void onStart(Context context) {
    incarnation++;
    context.setTimerMicros(context.random().nextLong(1_000, 5_000), new Tick());
  }

  @OnMessage
  void onTick(Tick tick, Context context) {
    int to = context.random().nextInt(peers);
    if (to != context.self()) {
      context.send(to, new Entry(context.nowMicros(), context.self(), "v" + received));
    }
    context.setTimerMicros(context.random().nextLong(1_000, 5_000), tick);
  }

  @OnMessage
  void onEntry(Entry entry, Context context) {
    received++;
    log.add(entry);
    counts.merge(entry.value(), 1L, Long::sum);
    if (context.random().nextInt(4) == 0) {
      context.log("echo " + entry.value() + " to " + context.sender());
    }
  }
}
