package dev.helios.bench.explore;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import dev.helios.runtime.Context;

/**
 * The replicated counter's client: sends an increment to the primary every {@link #TICK_MS} ms
 * until {@code incrementsMax} are sent (no retries: a lost increment is lost), and keeps the
 * highest index the primary reports committed.
 */
@Node
public final class CounterClient {
  static final long TICK_MS = 2;

  final int primary;
  final int incrementsMax;
  long sent;
  long committed;

  CounterClient(int primary, int incrementsMax) {
    this.primary = primary;
    this.incrementsMax = incrementsMax;
  }

  @OnStart
  void onStart(Context context) {
    context.setTimerMs(TICK_MS, new CounterMessages.Tick());
  }

  @OnMessage
  void onTick(CounterMessages.Tick tick, Context context) {
    context.send(primary, new CounterMessages.Increment(sent++));
    if (sent < incrementsMax) {
      context.setTimerMs(TICK_MS, tick);
    }
  }

  @OnMessage
  void onCommitted(CounterMessages.Committed committed) {
    this.committed = Math.max(this.committed, committed.index());
  }

  /** The highest increment index the primary reported committed. */
  public long committed() {
    return committed;
  }
}
