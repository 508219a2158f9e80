package dev.helios.runtime.linearizability;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which operations of a sub-history cannot take effect: are accepted by the model in no state that
 * the sub-history's operations reach from the initial state, applied in any order and any number of
 * times, regardless of real time. A read of a value that no operation writes cannot; a pending
 * operation always can.
 *
 * <p>Most operations are accepted in the initial state or in the state one other operation leads
 * to from it (a read, in the state its write leads to), so those are tried first: the operation's
 * last known support, then the others nearest to it in call order. Only an operation with no such
 * support sends the check through every reachable state, breadth first, which ends as soon as
 * every operation has been accepted once.
 */
final class Feasibility<S, I, O> {
  /** The support of an operation accepted in the initial state. */
  private static final int INITIAL = -1;
  /** The support of an operation none has been found for. */
  private static final int NONE = -2;

  private final Model<S, I, O> model;
  private final List<Operation<I, O>> operations;
  private final S initial;
  /** Each operation applied to the initial state. */
  private final List<Optional<S>> afterInitial;
  /** For each operation, the one whose state after the initial state accepts it, or a marker. */
  private final int[] support;
  private long steps;

  /** A check of sub-histories of {@code operations}; applies each of them to the initial state once. */
  Feasibility(Model<S, I, O> model, List<Operation<I, O>> operations) {
    this.model = model;
    this.operations = operations;
    this.initial = model.initialState();
    this.afterInitial = new ArrayList<>(operations.size());
    this.support = new int[operations.size()];
    for (int index = 0; index < operations.size(); index++) {
      Optional<S> after = step(initial, index);
      afterInitial.add(after);
      support[index] = after.isPresent() ? INITIAL : NONE;
    }
  }

  /** The model steps taken so far, by every check. */
  long steps() {
    return steps;
  }

  /**
   * The operations of the sub-history {@code members} (indices into the operations, ascending) that
   * cannot take effect, leaving out those in {@code excused}; null if that takes more than {@code
   * stepsMax} model steps to decide.
   */
  BitSet cannotTakeEffect(int[] members, BitSet excused, long stepsMax) {
    long stepsUntil = steps + stepsMax;
    BitSet present = new BitSet(operations.size());
    for (int index : members) {
      present.set(index);
    }
    int lastSupport = NONE;
    for (int position = 0; position < members.length; position++) {
      int index = members[position];
      if (excused.get(index) || support[index] == INITIAL || support[index] >= 0 && present.get(support[index])) {
        continue;
      }
      if (lastSupport >= 0 && present.get(lastSupport) && accepts(lastSupport, index)) {
        continue;
      }
      int found = nearestSupport(members, position, stepsUntil);
      if (found == NONE) {
        return steps >= stepsUntil ? null : everyReached(members, excused, stepsUntil);
      }
      lastSupport = found;
    }
    return new BitSet();
  }

  /** The member nearest {@code position} whose state after the initial one accepts that member, or NONE. */
  private int nearestSupport(int[] members, int position, long stepsUntil) {
    int index = members[position];
    for (int distance = 1; distance < members.length && steps < stepsUntil; distance++) {
      int before = position - distance;
      if (before >= 0 && accepts(members[before], index)) {
        return members[before];
      }
      int after = position + distance;
      if (after < members.length && accepts(members[after], index)) {
        return members[after];
      }
    }
    return NONE;
  }

  /** Whether {@code index} is accepted in the state {@code other} leads to from the initial one; remembers it. */
  private boolean accepts(int other, int index) {
    Optional<S> state = afterInitial.get(other);
    if (state.isEmpty() || !step(state.get(), index).isPresent()) {
      return false;
    }
    support[index] = other;
    return true;
  }

  /** The members, leaving out the excused, that no state the members reach accepts; null past the budget. */
  private BitSet everyReached(int[] members, BitSet excused, long stepsUntil) {
    BitSet expected = new BitSet(operations.size());
    for (int index : members) {
      expected.set(index);
    }
    expected.andNot(excused);
    List<S> states = new ArrayList<>();
    Set<S> known = new HashSet<>();
    states.add(initial);
    known.add(initial);
    for (int stateIndex = 0; stateIndex < states.size() && !expected.isEmpty(); stateIndex++) {
      for (int index : members) {
        if (steps >= stepsUntil) {
          return null;
        }
        Optional<S> after = step(states.get(stateIndex), index);
        if (after.isPresent()) {
          expected.clear(index);
          if (known.add(after.get())) {
            states.add(after.get());
          }
        }
      }
    }
    return expected;
  }

  private Optional<S> step(S state, int index) {
    steps++;
    Operation<I, O> operation = operations.get(index);
    Optional<S> after = model.step(state, operation.input(), operation.output());
    return after == null ? Optional.empty() : after;
  }
}
