package dev.helios.examples.raft;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import dev.helios.examples.raft.Messages.ClientReply;
import dev.helios.examples.raft.Messages.ClientRequest;
import dev.helios.examples.raft.Messages.Command;
import dev.helios.examples.raft.Messages.Get;
import dev.helios.examples.raft.Messages.NextOperation;
import dev.helios.examples.raft.Messages.NotLeader;
import dev.helios.examples.raft.Messages.Put;
import dev.helios.examples.raft.Messages.Resend;
import dev.helios.runtime.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * A client of the Raft key-value store: issues {@code operationsMax} puts and gets on a few keys,
 * one at a time, and retries each until a leader answers, with the same request id, so the
 * cluster applies it once. It records its history, when each operation was invoked and when its
 * result came back, for the linearizability check.
 */
@Node
public final class RaftClient {
  /** A get's result when the key was never written; every value written is zero or more. */
  static final long ABSENT = -1;
  static final List<String> KEYS = List.of("x", "y");
  /** How long the client waits for an answer before it tries the next server. */
  static final long RETRY_MICROS = 50_000;
  /** How long it waits before following a "not the leader" answer. */
  static final long REDIRECT_MICROS = 2_000;
  static final long THINK_MAX_MICROS = 5_000;

  /** One operation in the history: invoked at {@code callMicros}, answered at {@code returnMicros}. */
  record Invocation(long requestId, Command command, long callMicros, long returnMicros, long result) {}

  final int servers;
  final int operationsMax;
  int leaderGuess;
  long attempt;
  /** The operation waiting for its answer, or null; its {@code returnMicros} and result are not known yet. */
  Invocation outstanding;
  final List<Invocation> completed = new ArrayList<>();

  RaftClient(int servers, int operationsMax) {
    this.servers = servers;
    this.operationsMax = operationsMax;
  }

  @OnStart
  void onStart(Context context) {
    context.setTimerMicros(context.random().nextLong(THINK_MAX_MICROS), new NextOperation());
  }

  @OnMessage
  void onNextOperation(NextOperation next, Context context) {
    if (outstanding != null || completed.size() >= operationsMax) {
      return;
    }
    long requestId = completed.size() + 1;
    String key = KEYS.get(context.random().nextInt(KEYS.size()));
    Command command = context.random().nextBoolean()
        ? new Put(key, context.self() * 1_000_000L + requestId)
        : new Get(key);
    outstanding = new Invocation(requestId, command, context.nowMicros(), 0, 0);
    send(context);
  }

  private void send(Context context) {
    attempt++;
    context.send(leaderGuess, new ClientRequest(outstanding.requestId(), outstanding.command()));
    context.setTimerMicros(RETRY_MICROS, new Resend(attempt, true));
  }

  @OnMessage
  void onResend(Resend resend, Context context) {
    if (outstanding == null || resend.attempt() != attempt) {
      return; // answered, or superseded by a later attempt
    }
    if (resend.nextServer()) {
      leaderGuess = (leaderGuess + 1) % servers;
    }
    send(context);
  }

  @OnMessage
  void onNotLeader(NotLeader notLeader, Context context) {
    if (outstanding == null || notLeader.requestId() != outstanding.requestId()) {
      return;
    }
    int hint = notLeader.leaderHint();
    leaderGuess = hint >= 0 && hint != context.sender() ? hint : (context.sender() + 1) % servers;
    attempt++;
    context.setTimerMicros(REDIRECT_MICROS, new Resend(attempt, false));
  }

  @OnMessage
  void onClientReply(ClientReply reply, Context context) {
    if (outstanding == null || reply.requestId() != outstanding.requestId()) {
      return; // a duplicate of an answer already taken
    }
    leaderGuess = context.sender();
    completed.add(new Invocation(
        outstanding.requestId(), outstanding.command(), outstanding.callMicros(), context.nowMicros(), reply.result()));
    outstanding = null;
    attempt++;
    context.setTimerMicros(context.random().nextLong(THINK_MAX_MICROS), new NextOperation());
  }

  /** The operations answered so far, in the order they were invoked. */
  public List<Invocation> completed() {
    return List.copyOf(completed);
  }

  /** Whether every operation has been invoked and answered. */
  public boolean isDone() {
    return completed.size() >= operationsMax;
  }
}
