package dev.helios.runtime.linearizability;

import dev.helios.runtime.linearizability.LinearizabilityResult.Outcome;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Makes a non-linearizable history smaller while it stays non-linearizable, until no single
 * operation can go: that is minimal with respect to removing one operation, not necessarily the
 * smallest counterexample there is. It first removes runs of operations, halving their length from
 * half the history, latest first, then single operations, latest first, passing over them again
 * until a pass removes none. Every candidate is searched within the same step budget; one the
 * search cannot decide in it counts as linearizable, so its operations stay.
 *
 * <p>Removing the write a read saw leaves a read of a value never written, which no order explains,
 * so plain removal would shrink the stale read in {@code write(1), write(2), read() -> 1} to {@code
 * read() -> 1} alone, hiding the problem. So a candidate must keep every operation that could take
 * effect in the failing history able to ({@link Feasibility}), as far as a bounded search shows. A
 * read of a value never written in the failing history is no such operation, and is what that
 * history usually shrinks to. If the bounded search cannot tell for the failing history, the
 * shrinking removes plainly.
 */
final class CounterexampleShrinker<S, I, O> {
  /** The shrunk history, in call order, and the model steps the shrinking took. */
  record Shrunk<I, O>(List<Operation<I, O>> operations, long steps) {}

  /** The most model steps one feasibility check takes, beyond ten per operation. */
  static final long FEASIBILITY_STEPS_MAX = 100_000;

  private final Model<S, I, O> model;
  private final List<Operation<I, O>> operations;
  private final long stepsMax;
  private final Feasibility<S, I, O> feasibility;
  /** The operations of the failing history that cannot take effect; null if that was not decided. */
  private final BitSet impossible;
  private long searchSteps;

  private CounterexampleShrinker(Model<S, I, O> model, List<Operation<I, O>> operations, long stepsMax) {
    this.model = model;
    this.operations = operations;
    this.stepsMax = stepsMax;
    this.feasibility = new Feasibility<>(model, operations);
    this.impossible = cannotTakeEffect(allOf(operations.size()), new BitSet());
  }

  /** {@code operations}, a non-linearizable history in call order, made minimal. */
  static <S, I, O> Shrunk<I, O> shrink(Model<S, I, O> model, List<Operation<I, O>> operations, long stepsMax) {
    CounterexampleShrinker<S, I, O> shrinker = new CounterexampleShrinker<>(model, operations, stepsMax);
    int[] members = shrinker.withoutSingles(shrinker.withoutRuns(allOf(operations.size())));
    return new Shrunk<>(shrinker.operationsOf(members), shrinker.searchSteps + shrinker.feasibility.steps());
  }

  /** Removes runs of {@code length} members, for lengths halving down to 2. */
  private int[] withoutRuns(int[] members) {
    int[] current = members;
    for (int length = current.length / 2; length >= 2; length = Math.min(length / 2, current.length / 2)) {
      // Removing a run leaves the members before it where they were, so the next run ends there.
      for (int end = current.length; end > 0; end -= length) {
        int[] candidate = without(current, Math.max(0, end - length), end);
        if (fails(candidate)) {
          current = candidate;
        }
      }
    }
    return current;
  }

  /** Removes single members until no one of them can go. */
  private int[] withoutSingles(int[] members) {
    int[] current = members;
    boolean removed = true;
    while (removed) {
      removed = false;
      for (int position = current.length - 1; position >= 0; position--) {
        int[] candidate = without(current, position, position + 1);
        if (fails(candidate)) {
          current = candidate;
          removed = true;
        }
      }
    }
    return current;
  }

  /**
   * Whether {@code candidate} is not linearizable, and every operation of it that could take effect
   * in the failing history still can (when that was decided).
   */
  private boolean fails(int[] candidate) {
    Search.Found found = Search.run(model, operationsOf(candidate), stepsMax);
    searchSteps += found.steps();
    if (found.outcome() != Outcome.NOT_LINEARIZABLE) {
      return false;
    }
    if (impossible == null) {
      return true;
    }
    BitSet lost = cannotTakeEffect(candidate, impossible);
    return lost != null && lost.isEmpty();
  }

  private BitSet cannotTakeEffect(int[] members, BitSet excused) {
    long budget = Math.min(stepsMax, FEASIBILITY_STEPS_MAX + 10L * members.length);
    return feasibility.cannotTakeEffect(members, excused, budget);
  }

  private List<Operation<I, O>> operationsOf(int[] members) {
    List<Operation<I, O>> chosen = new ArrayList<>(members.length);
    for (int index : members) {
      chosen.add(operations.get(index));
    }
    return List.copyOf(chosen);
  }

  /** {@code members} without those at positions {@code start} to {@code end}, exclusive. */
  private static int[] without(int[] members, int start, int end) {
    int[] rest = new int[members.length - (end - start)];
    System.arraycopy(members, 0, rest, 0, start);
    System.arraycopy(members, end, rest, start, members.length - end);
    return rest;
  }

  private static int[] allOf(int count) {
    int[] all = new int[count];
    for (int index = 0; index < count; index++) {
      all[index] = index;
    }
    return all;
  }
}
