package dev.helios.bench.memory;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;

/** A small node that does nothing until poked: a counter and a peer count. */
@Node
public final class IdleNode {
  long pokeCount;
  int peerCount;

  @OnMessage
  void onPoke(Poke poke) {
    pokeCount++;
  }
}
