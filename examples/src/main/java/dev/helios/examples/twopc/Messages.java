package dev.helios.examples.twopc;

/** The messages of the two-phase commit example: immutable records, shared by forks. */
final class Messages {
  private Messages() {}

  /** Phase one: the coordinator asks a participant whether it can commit transaction {@code txn}. */
  record Prepare(long txn) {}

  /** A participant's answer to {@link Prepare}: Yes promises to commit if told to. */
  record Vote(long txn, boolean yes) {}

  /** Phase two: the coordinator's decision, sent to every participant (and to any that asks). */
  record Decision(long txn, Outcome outcome) {}

  /** A prepared participant asks the coordinator how transaction {@code txn} ended. */
  record DecisionQuery(long txn) {}

  /** A participant has applied the decision of transaction {@code txn}. */
  record Ack(long txn) {}

  /** The coordinator's timer: begin the next transaction. */
  record Begin() {}

  /** The coordinator's timer: votes for {@code txn} still missing by now mean abort. */
  record VoteTimeout(long txn) {}

  /** A prepared participant's timer: ask again about {@code txn} if it is still undecided here. */
  record Tick(long txn) {}
}
