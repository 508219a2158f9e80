package dev.helios.runtime.nodes;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.runtime.Context;

/** A built-in node that sends every message it receives back to the sender. */
@Node
public final class Echo {
  long echoed;

  @OnMessage
  void onMessage(Object message, Context context) {
    echoed++;
    context.reply(message);
  }

  /** How many messages this node has echoed. */
  public long echoed() {
    return echoed;
  }
}
