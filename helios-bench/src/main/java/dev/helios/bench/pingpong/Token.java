package dev.helios.bench.pingpong;

/** The ping-pong token as a user would write it: a message record. */
public record Token() {
  /** The one token value; records are immutable, so every node may pass the same one. */
  static final Token INSTANCE = new Token();
}
