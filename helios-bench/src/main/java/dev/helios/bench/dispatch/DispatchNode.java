package dev.helios.bench.dispatch;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.runtime.Context;

/** A node with four handlers, named {@code on} + the message's simple name so reflection can find them by name. */
@Node
public final class DispatchNode {
  long total;

  @OnMessage
  void onAppend(Messages.Append message, Context context) {
    total += message.value();
  }

  @OnMessage
  void onVote(Messages.Vote message, Context context) {
    total -= message.value();
  }

  @OnMessage
  void onHeartbeat(Messages.Heartbeat message, Context context) {
    total ^= message.value();
  }

  @OnMessage
  void onSnapshot(Messages.Snapshot message, Context context) {
    total += 2 * message.value();
  }
}
