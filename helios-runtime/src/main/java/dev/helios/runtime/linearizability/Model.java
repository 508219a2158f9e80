package dev.helios.runtime.linearizability;

import java.util.Optional;

/**
 * A sequential specification of an object: its initial state and how each operation changes it,
 * which the {@link LinearizabilityChecker} holds a concurrent history against.
 *
 * <p>States must be immutable values with {@code equals} and {@code hashCode} by value, never null:
 * the checker remembers the (operations linearized, state) configurations it has tried and skips one
 * it has seen, so two equal states must compare equal, and a state must not change once returned,
 * since the search returns to earlier states when it backtracks. {@link Models} has a register and
 * a key-value map.
 *
 * @param <S> the state
 * @param <I> an operation's input, such as a read or a write
 * @param <O> an operation's output, such as the value read
 */
public interface Model<S, I, O> {
  /** The partition key of a model that does not split histories: every operation in one part. */
  Object ALL = Partition.ALL;

  /** The state before any operation. */
  S initialState();

  /**
   * The state after applying {@code input} to {@code state} when the operation returned {@code
   * output}, or empty if that output is impossible in that state. Must not modify {@code state}.
   *
   * <p>{@code output} is null for a pending operation, meaning "unknown: any output is possible":
   * a model must then return the state after the operation for every state, whatever output it
   * would have given. The checker relies on this to let a pending operation take effect late, or in
   * effect never.
   */
  Optional<S> step(S state, I input, O output);

  /**
   * The part of the history {@code input} belongs to: operations whose keys are equal (by {@code
   * equals}, never null) form one sub-history, checked on its own. A history is linearizable when
   * each part is, so this must only split operations that never affect each other, as with the keys
   * of a map. The default, {@link #ALL}, keeps the history whole.
   */
  default Object partitionKey(I input) {
    return ALL;
  }

  /**
   * An operation for a report, as in {@code put(k1, 7) -> ok}; {@code output} is null for a pending
   * operation. The default joins the input's and output's {@code toString} with an arrow.
   */
  default String describe(I input, O output) {
    return input + " -> " + (output == null ? "pending" : output);
  }
}
