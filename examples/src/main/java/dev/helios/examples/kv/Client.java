package dev.helios.examples.kv;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import dev.helios.runtime.Context;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A client that issues {@code putsMax} puts, one every 5 ms, and re-sends each unconfirmed put
 * every 30 ms until the primary confirms it (the network may lose the put or the confirmation).
 */
@Node
public final class Client {
  static final long TICK_MICROS = 5_000;
  static final long RETRY_MICROS = 30_000;

  final int primary;
  final int putsMax;
  long issued;
  final TreeSet<Long> confirmed = new TreeSet<>();
  /** Unconfirmed puts and when each was last sent. */
  final TreeMap<Long, Messages.Put> pending = new TreeMap<>();
  final TreeMap<Long, Long> lastSentMicros = new TreeMap<>();

  Client(int primary, int putsMax) {
    this.primary = primary;
    this.putsMax = putsMax;
  }

  @OnStart
  void onStart(Context context) {
    context.setTimerMicros(TICK_MICROS, new Messages.Tick());
  }

  @OnMessage
  void onTick(Messages.Tick tick, Context context) {
    for (Map.Entry<Long, Messages.Put> entry : pending.entrySet()) {
      if (context.nowMicros() - lastSentMicros.get(entry.getKey()) >= RETRY_MICROS) {
        send(entry.getValue(), context);
      }
    }
    if (issued < putsMax) {
      long requestId = issued++;
      Messages.Put put = new Messages.Put(requestId, "k" + context.random().nextInt(10), requestId);
      pending.put(requestId, put);
      send(put, context);
    }
    if (issued < putsMax || !pending.isEmpty()) {
      context.setTimerMicros(TICK_MICROS, tick);
    }
  }

  private void send(Messages.Put put, Context context) {
    lastSentMicros.put(put.requestId(), context.nowMicros());
    context.send(primary, put);
  }

  @OnMessage
  void onPutOk(Messages.PutOk ok) {
    confirmed.add(ok.requestId());
    pending.remove(ok.requestId());
    lastSentMicros.remove(ok.requestId());
  }

  /** How many puts the primary has confirmed. */
  public int confirmedCount() {
    return confirmed.size();
  }
}
