package dev.helios.examples.raft;

import java.util.List;

/** The messages of the Raft example: immutable records, shared by the network and by forks. */
final class Messages {
  private Messages() {}

  /** What a client asks the replicated state machine to do. */
  sealed interface Command permits Put, Get, NoOp {}

  /** Set {@code key} to {@code value}; the result is the value written. */
  record Put(String key, long value) implements Command {}

  /** Read {@code key}; the result is its value, or {@link RaftClient#ABSENT} if it was never written. */
  record Get(String key) implements Command {}

  /** The entry a new leader appends so that entries of earlier terms can commit (Raft §8). */
  record NoOp() implements Command {}

  /**
   * One log entry: a command, the term its leader appended it in, and the client request it
   * answers ({@code client} is -1 for a {@link NoOp}).
   */
  record Entry(long term, int client, long requestId, Command command) {
    /** A 64-bit digest of the entry, for comparing applied logs cheaply; computed from the values only. */
    long digest() {
      long h = term * 0x9E3779B97F4A7C15L + client;
      h = h * 0xBF58476D1CE4E5B9L + requestId;
      if (command instanceof Put put) {
        h = h * 0x94D049BB133111EBL + put.key().hashCode();
        h = h * 0x94D049BB133111EBL + put.value();
      } else if (command instanceof Get get) {
        h = h * 0x94D049BB133111EBL + get.key().hashCode() + 1;
      }
      return h ^ (h >>> 31);
    }
  }

  // ---- between servers ----

  /** A candidate asks for a vote in {@code term}. */
  record RequestVote(long term, long lastLogIndex, long lastLogTerm) {}

  /** A server's answer to a {@link RequestVote}. */
  record Vote(long term, boolean granted) {}

  /**
   * The leader's heartbeat and log shipment: {@code entries} follow index {@code prevLogIndex},
   * whose term is {@code prevLogTerm}; the follower keeps them only if its log agrees there.
   */
  record AppendEntries(long term, long prevLogIndex, long prevLogTerm, List<Entry> entries, long leaderCommit) {}

  /**
   * A follower's answer to {@link AppendEntries}: on success, {@code matchIndex} is the last index
   * it now holds in agreement with the leader; on failure, the index the leader should retry from
   * is at most {@code matchIndex + 1}.
   */
  record AppendResult(long term, boolean success, long matchIndex) {}

  // ---- between clients and servers ----

  /** A client's request; a retry carries the same {@code requestId}. */
  record ClientRequest(long requestId, Command command) {}

  /** The result of a client's request, sent by the leader that applied it. */
  record ClientReply(long requestId, long result) {}

  /** The server is not the leader; {@code leaderHint} is the leader it last heard from, or -1. */
  record NotLeader(long requestId, int leaderHint) {}

  // ---- timers ----

  /** A server's reminder to check whether it has heard from a leader recently enough. */
  record ElectionTimer() {}

  /** A leader's reminder to ship entries and heartbeats, for the term it was elected in. */
  record HeartbeatTimer(long term) {}

  /** A client's reminder to issue its next operation. */
  record NextOperation() {}

  /**
   * A client's reminder to send its request again, for attempt {@code attempt}; {@code nextServer}
   * when the attempt timed out and the client should try another server.
   */
  record Resend(long attempt, boolean nextServer) {}
}
