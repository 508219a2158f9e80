package dev.helios.bench.pingpong;

/** What a {@link TokenNode} passes around: the payload type decides the trace digest's cost. */
public enum TokenKind {
  /** A record, as users write messages: the trace digest hashes its {@code toString()}. */
  RECORD,
  /** A cached boxed {@code Integer}: the trace digest hashes it without allocating. */
  BOXED
}
