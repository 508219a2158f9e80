package dev.helios.runtime.linearizability;

import java.util.List;

/**
 * What the {@link LinearizabilityChecker} found for a history: linearizable, with an order of its
 * operations that the model accepts; not linearizable, with a small sub-history that shows it; or
 * unknown, when a part needed more model steps than the budget allowed. {@link #describe()} says
 * which in a few lines for a report.
 */
public final class LinearizabilityResult<I, O> {
  /** Whether the history is linearizable, as far as the search could tell. */
  public enum Outcome {
    /** Some order of the operations respects real time and is accepted by the model. */
    LINEARIZABLE,
    /** No such order exists; {@link #counterexample()} shows it. */
    NOT_LINEARIZABLE,
    /**
     * A part needed more model steps than the budget, and no part was found non-linearizable. Never
     * a pass: raise the budget, or check a shorter history.
     */
    UNKNOWN
  }

  private final Outcome outcome;
  private final Object partitionKey;
  private final List<Operation<I, O>> counterexample;
  private final List<Operation<I, O>> linearization;
  private final long stepsTaken;
  private final String description;

  private LinearizabilityResult(
      Outcome outcome,
      Object partitionKey,
      List<Operation<I, O>> counterexample,
      List<Operation<I, O>> linearization,
      long stepsTaken,
      String description) {
    this.outcome = outcome;
    this.partitionKey = partitionKey;
    this.counterexample = List.copyOf(counterexample);
    this.linearization = List.copyOf(linearization);
    this.stepsTaken = stepsTaken;
    this.description = description;
  }

  static <I, O> LinearizabilityResult<I, O> linearizable(
      List<Operation<I, O>> linearization, int partCount, long stepsTaken) {
    String description = "linearizable: " + count(linearization.size(), "operation") + " in "
        + count(partCount, "part") + ", " + count(stepsTaken, "step");
    return new LinearizabilityResult<>(Outcome.LINEARIZABLE, null, List.of(), linearization, stepsTaken, description);
  }

  static <S, I, O> LinearizabilityResult<I, O> notLinearizable(
      Model<S, I, O> model, Object partitionKey, List<Operation<I, O>> counterexample, int partSize, long stepsTaken) {
    StringBuilder description = new StringBuilder("not linearizable: ")
        .append(partitionKey == Model.ALL ? "" : "key " + partitionKey + ", ")
        .append(count(counterexample.size(), "operation"))
        .append(" cannot be ordered");
    if (counterexample.size() < partSize) {
      description.append(" (shrunk from ").append(partSize).append(")");
    }
    description.append(':');
    for (Operation<I, O> operation : counterexample) {
      description.append("\n  ").append(operation.describe(model.describe(operation.input(), operation.output())));
    }
    return new LinearizabilityResult<>(
        Outcome.NOT_LINEARIZABLE, partitionKey, counterexample, List.of(), stepsTaken, description.toString());
  }

  static <I, O> LinearizabilityResult<I, O> unknown(
      Object partitionKey, int partSize, int unknownPartCount, long stepsMax, long stepsTaken) {
    String description = "unknown: the search for " + partName(partitionKey) + " (" + count(partSize, "operation")
        + ") ran out of its budget of " + count(stepsMax, "model step") + " (stepsMax); raise it to decide";
    if (unknownPartCount > 1) {
      description += ". " + count(unknownPartCount - 1, "other part") + " also ran out";
    }
    description += ". No part was found non-linearizable";
    return new LinearizabilityResult<>(Outcome.UNKNOWN, partitionKey, List.of(), List.of(), stepsTaken, description);
  }

  /** Whether the history is linearizable, is not, or could not be decided within the budget. */
  public Outcome outcome() {
    return outcome;
  }

  /** Whether the outcome is {@link Outcome#LINEARIZABLE}; false when it is unknown. */
  public boolean isLinearizable() {
    return outcome == Outcome.LINEARIZABLE;
  }

  /**
   * The part of the history that is not linearizable, or that the search could not decide: its
   * {@link Model#partitionKey}, {@link Model#ALL} for a model that does not split histories. Null
   * when the history is linearizable.
   */
  public Object partitionKey() {
    return partitionKey;
  }

  /**
   * For a history that is not linearizable, a sub-history of the failing part that is not
   * linearizable either, in call order. It is minimal with respect to removing one operation,
   * pending ones included: without any one of them, the rest is linearizable, or cannot be decided
   * within the budget, or fails only because some operation could never take effect, as a read
   * does once the write it saw is gone. (Such a history would explain nothing, so when every
   * operation of the failing part can take effect, the counterexample keeps the writes its reads
   * saw.) It need not be the smallest such sub-history. Empty for the other outcomes.
   */
  public List<Operation<I, O>> counterexample() {
    return counterexample;
  }

  /**
   * For a linearizable history, every operation in an order that works: each operation comes after
   * every operation that returned before it was called, and stepping the model through them in
   * this order accepts each output (a pending operation's with a null output). Pending operations
   * may come last, which means they never took effect. Empty for the other outcomes.
   */
  public List<Operation<I, O>> linearization() {
    return linearization;
  }

  /** The model steps the search took over all parts, shrinking the counterexample included. */
  public long stepsTaken() {
    return stepsTaken;
  }

  /**
   * The outcome for a report: one line for a linearizable history, {@code linearizable: 40
   * operations in 3 parts, 1234 steps}; for one that is not, the part and then the counterexample,
   * one operation a line.
   */
  public String describe() {
    return description;
  }

  /** The same as {@link #describe()}. */
  @Override
  public String toString() {
    return description;
  }

  /** {@code key k1}, or {@code the history} when it is not split. */
  private static String partName(Object partitionKey) {
    return partitionKey == Model.ALL ? "the history" : "key " + partitionKey;
  }

  private static String count(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
