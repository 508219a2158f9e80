package dev.helios.examples.twopc;

import dev.helios.annotations.Durable;
import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import dev.helios.runtime.Context;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The coordinator of classic two-phase commit. Every {@link #BEGIN_INTERVAL_MS} it begins a
 * transaction: it sends {@code Prepare} to every participant and collects their votes, then decides
 * Commit if all voted Yes and Abort otherwise (a No, or a vote still missing after
 * {@link #VOTE_TIMEOUT_MS}), sends the decision to every participant and answers their
 * {@code DecisionQuery} with it.
 *
 * <p><b>The flaw this example demonstrates: two-phase commit blocks when its coordinator fails.</b>
 * Only {@link #nextTxn} is logged ({@code @Durable}), so a restarted coordinator never reuses a
 * transaction number; the votes and the decisions live in memory only. A coordinator that crashes
 * after a participant voted Yes and before it sent the decision restarts knowing nothing of that
 * transaction, so it never answers a query about it. The participants that voted Yes are blocked
 * for good: a prepared participant may not decide on its own, because from where it stands the
 * coordinator may have decided Commit and told another participant so. This is the textbook
 * blocking problem of 2PC; {@code TwoPhaseCommitMain --explore --shrink} finds it and shrinks it to
 * one fault, a crash of this node inside a transaction's voting window.
 *
 * <p>The usual fix is a coordinator log: write each decision durably before sending it (make
 * {@link #decisions} {@code @Durable}) and answer Abort when asked about a transaction below
 * {@link #nextTxn} that has no decision and is not collecting votes ("presumed abort": a
 * transaction whose decision was never logged was never committed anywhere). With those two
 * changes the same exploration finds no violation: participants then block only while the
 * coordinator is down, which is as much as 2PC can promise.
 */
@Node
public final class Coordinator {
  /** When the first transaction begins, after the coordinator starts (or restarts). */
  static final long FIRST_BEGIN_MS = 10;
  /** The time between two transactions' beginnings. */
  static final long BEGIN_INTERVAL_MS = 50;
  /** How long the coordinator waits for votes before it aborts. */
  static final long VOTE_TIMEOUT_MS = 10;

  final List<Integer> participants;
  final long transactions;
  /** The next transaction's number: logged, so it survives a crash. */
  @Durable long nextTxn;
  /** The transaction collecting votes, or -1. In memory only: the flaw. */
  long votingTxn = -1;
  final TreeSet<Integer> yesVotes = new TreeSet<>();
  /** Every decision made since the last start. In memory only: the flaw. */
  final TreeMap<Long, Outcome> decisions = new TreeMap<>();
  /** Acknowledgements received: a participant has applied a decision. */
  long acks;

  Coordinator(long transactions, List<Integer> participants) {
    this.transactions = transactions;
    this.participants = List.copyOf(participants);
  }

  @OnStart
  void onStart(Context context) {
    if (nextTxn < transactions) {
      context.setTimerMs(FIRST_BEGIN_MS, new Messages.Begin());
    }
  }

  @OnMessage
  void onBegin(Messages.Begin begin, Context context) {
    long txn = nextTxn++;
    votingTxn = txn;
    yesVotes.clear();
    for (int participant : participants) {
      context.send(participant, new Messages.Prepare(txn));
    }
    context.setTimerMs(VOTE_TIMEOUT_MS, new Messages.VoteTimeout(txn));
    if (nextTxn < transactions) {
      context.setTimerMs(BEGIN_INTERVAL_MS, begin);
    }
  }

  @OnMessage
  void onVote(Messages.Vote vote, Context context) {
    if (vote.txn() != votingTxn) {
      return; // decided already (a No or the timeout came first)
    }
    if (!vote.yes()) {
      decide(Outcome.ABORT, context);
      return;
    }
    yesVotes.add(context.sender());
    if (yesVotes.size() == participants.size()) {
      decide(Outcome.COMMIT, context);
    }
  }

  @OnMessage
  void onVoteTimeout(Messages.VoteTimeout timeout, Context context) {
    if (timeout.txn() == votingTxn) {
      decide(Outcome.ABORT, context);
    }
  }

  private void decide(Outcome outcome, Context context) {
    long txn = votingTxn;
    votingTxn = -1;
    decisions.put(txn, outcome);
    context.log("txn " + txn + ": " + outcome);
    for (int participant : participants) {
      context.send(participant, new Messages.Decision(txn, outcome));
    }
  }

  @OnMessage
  void onDecisionQuery(Messages.DecisionQuery query, Context context) {
    Outcome outcome = decisions.get(query.txn());
    if (outcome != null) {
      context.reply(new Messages.Decision(query.txn(), outcome));
    }
    // Otherwise the transaction was forgotten in a crash: no answer is safe, so none is given.
  }

  @OnMessage
  void onAck(Messages.Ack ack) {
    acks++; // a coordinator with a log would forget a transaction once every participant acked it
  }

  /** The decision of {@code txn} if this coordinator made it since it last started, else null. */
  public Outcome decision(long txn) {
    return decisions.get(txn);
  }
}
