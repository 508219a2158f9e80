package dev.helios.examples.kv;

/** The messages of the replicated key-value example: immutable records, shared by forks. */
final class Messages {
  private Messages() {}

  /** A client asks the primary to set {@code key} to {@code value}. */
  record Put(long requestId, String key, long value) {}

  /** The primary confirms a put once every backup holds it. */
  record PutOk(long requestId) {}

  /** The primary ships entry {@code index} of its log to a backup. */
  record Replicate(long index, String key, long value) {}

  /** A backup holds every entry up to and including {@code index}. */
  record ReplicateAck(long index) {}

  /** A node's own reminder to retry or to issue the next request. */
  record Tick() {}
}
