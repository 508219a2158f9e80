package dev.helios.examples.twopc;

import dev.helios.annotations.Durable;
import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import dev.helios.runtime.Context;
import java.util.TreeMap;

/**
 * A participant of two-phase commit. Asked to prepare, it votes Yes, or No with a small chance (its
 * resources are busy), and always No while it is still prepared in an earlier transaction. Once it
 * votes Yes it is <em>prepared</em>: it must commit or abort as the coordinator decides and may not
 * decide on its own, so every {@link #QUERY_INTERVAL_MS} it asks the coordinator for the decision
 * until it has it. A No vote aborts at once: the one decision a participant may take alone.
 *
 * <p>What it promised and what it learned are {@code @Durable}, as a real participant writes them
 * to its log before it answers: a participant that crashes while prepared restarts prepared and
 * asks again.
 */
@Node
public final class Participant {
  /** How often a prepared participant asks the coordinator for the decision. */
  static final long QUERY_INTERVAL_MS = 20;
  /** A participant votes No once in this many prepares (when it is not blocked). */
  static final int NO_VOTE_ONE_IN = 20;

  final int coordinator;
  /** The transaction this participant voted Yes on and has no decision for, or -1. */
  @Durable long preparedTxn = -1;
  /** Every outcome this participant applied, by transaction. */
  @Durable TreeMap<Long, Outcome> outcomes = new TreeMap<>();

  Participant(int coordinator) {
    this.coordinator = coordinator;
  }

  @OnStart
  void onStart(Context context) {
    if (preparedTxn >= 0) {
      context.setTimerMs(QUERY_INTERVAL_MS, new Messages.Tick(preparedTxn)); // restarted while prepared
    }
  }

  @OnMessage
  void onPrepare(Messages.Prepare prepare, Context context) {
    boolean yes = preparedTxn < 0 && context.random().nextInt(NO_VOTE_ONE_IN) != 0;
    if (yes) {
      preparedTxn = prepare.txn();
      context.setTimerMs(QUERY_INTERVAL_MS, new Messages.Tick(prepare.txn()));
    } else {
      outcomes.put(prepare.txn(), Outcome.ABORT);
    }
    context.reply(new Messages.Vote(prepare.txn(), yes));
  }

  @OnMessage
  void onDecision(Messages.Decision decision, Context context) {
    outcomes.put(decision.txn(), decision.outcome());
    if (preparedTxn == decision.txn()) {
      preparedTxn = -1;
    }
    context.reply(new Messages.Ack(decision.txn()));
  }

  @OnMessage
  void onTick(Messages.Tick tick, Context context) {
    if (preparedTxn == tick.txn()) {
      context.send(coordinator, new Messages.DecisionQuery(tick.txn()));
      context.setTimerMs(QUERY_INTERVAL_MS, tick);
    }
  }

  /** True while this participant voted Yes on a transaction whose outcome it does not know. */
  public boolean blocked() {
    return preparedTxn >= 0;
  }

  /** The outcome of {@code txn} this participant applied, or null if it has none. */
  public Outcome outcome(long txn) {
    return outcomes.get(txn);
  }
}
