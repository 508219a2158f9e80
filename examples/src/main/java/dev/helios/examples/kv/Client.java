package dev.helios.examples.kv;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import dev.helios.runtime.Context;
import java.util.TreeSet;

/** A client that issues {@code putsMax} puts, one every 5 ms, and records which were confirmed. */
@Node
public final class Client {
  final int primary;
  final int putsMax;
  long issued;
  final TreeSet<Long> confirmed = new TreeSet<>();

  Client(int primary, int putsMax) {
    this.primary = primary;
    this.putsMax = putsMax;
  }

  @OnStart
  void onStart(Context context) {
    context.setTimer(5_000, new Messages.Tick());
  }

  @OnMessage
  void onTick(Messages.Tick tick, Context context) {
    long requestId = issued++;
    context.send(primary, new Messages.Put(requestId, "k" + context.random().nextInt(10), requestId));
    if (issued < putsMax) {
      context.setTimer(5_000, tick);
    }
  }

  @OnMessage
  void onPutOk(Messages.PutOk ok) {
    confirmed.add(ok.requestId());
  }

  /** How many puts the primary has confirmed. */
  public int confirmedCount() {
    return confirmed.size();
  }
}
