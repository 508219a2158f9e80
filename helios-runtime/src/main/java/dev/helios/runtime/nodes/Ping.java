package dev.helios.runtime.nodes;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.runtime.Context;

/** A built-in node that counts the replies it receives and logs each one. */
@Node
public final class Ping {
  long repliesReceived;

  @OnMessage
  void onReply(Object reply, Context context) {
    repliesReceived++;
    context.log("reply " + repliesReceived + " from node " + context.sender());
  }

  /** How many messages this node has received. */
  public long repliesReceived() {
    return repliesReceived;
  }
}
