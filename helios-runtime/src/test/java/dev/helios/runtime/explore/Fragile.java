package dev.helios.runtime.explore;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;

/** A node whose handler throws on "boom": a bug the explorer reports as a node failure. */
@Node
final class Fragile {
  long received;

  @OnMessage
  void onText(String text) {
    received++;
    if (text.equals("boom")) {
      throw new IllegalStateException("boom");
    }
  }
}
