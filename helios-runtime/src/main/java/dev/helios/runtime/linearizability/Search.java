package dev.helios.runtime.linearizability;

import dev.helios.runtime.linearizability.LinearizabilityResult.Outcome;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The search for an order of one part of a history that the model accepts: Wing and Gong's
 * algorithm with Lowe's memoization, as in Porcupine and Knossos.
 *
 * <p>The operations become a list of call and return entries in time order. The search walks it
 * from the front: a call met before the first return belongs to a <em>minimal</em> operation, one
 * that no remaining operation precedes, so it may take effect next. If the model accepts it, the
 * search takes its call and return out of the list and starts again from the front; reaching a
 * return means the operation it closes cannot be placed before the ones still open, so the search
 * puts back the last operation it took and tries the next candidate after it. The history is
 * linearizable once the list is empty, and not once a return is reached with nothing to put back.
 * A configuration (operations taken, model state) seen before is skipped: what can follow depends
 * only on it. The search is a loop with explicit stacks, so a long history cannot overflow the
 * thread's stack.
 *
 * <p>A pending operation's return sorts after every other entry, as if it returned at the end of
 * time, and the model steps it with a null output, which it accepts in any state. Taking it at the
 * very end is the same as its never taking effect: no completed operation comes after it, so none
 * can observe it. So the search needs no separate case for operations that never happened.
 */
final class Search {
  /** The end of the entry list. */
  private static final int NONE = -1;

  /**
   * What the search found for one part: the outcome, the model steps it took, and for a
   * linearizable part the operations' indices in an order the model accepts.
   */
  record Found(Outcome outcome, long steps, int[] order) {}

  /** A configuration already explored: the operations taken, and the state after them. */
  private record Configuration(BitSet linearized, Object state) {}

  private Search() {}

  /**
   * Searches for an order of {@code operations} that {@code model} accepts, taking at most {@code
   * stepsMax} model steps; past that, the outcome is {@link Outcome#UNKNOWN}.
   */
  static <S, I, O> Found run(Model<S, I, O> model, List<Operation<I, O>> operations, long stepsMax) {
    int count = operations.size();
    // Entry 2i is operation i's call and 2i + 1 its return; index 2 * count is the list's head.
    int head = 2 * count;
    int[] next = new int[2 * count + 1];
    int[] previous = new int[2 * count + 1];
    link(timeOrder(operations), head, next, previous);

    int[] taken = new int[count];
    List<S> statesBefore = new ArrayList<>(count);
    int depth = 0;
    BitSet linearized = new BitSet(count);
    Set<Configuration> seen = new HashSet<>();
    S state = initialState(model);
    long steps = 0;
    int entry = next[head];
    while (next[head] != NONE) {
      if (entry % 2 == 0) {
        int index = entry / 2;
        if (steps == stepsMax) {
          return new Found(Outcome.UNKNOWN, steps, null);
        }
        steps++;
        Optional<S> after = step(model, state, operations.get(index));
        if (after.isPresent()) {
          BitSet linearizedAfter = (BitSet) linearized.clone();
          linearizedAfter.set(index);
          if (seen.add(new Configuration(linearizedAfter, after.get()))) {
            taken[depth++] = index;
            statesBefore.add(state);
            state = after.get();
            linearized.set(index);
            lift(entry, next, previous);
            entry = next[head];
            continue;
          }
        }
        entry = next[entry];
      } else {
        if (depth == 0) {
          return new Found(Outcome.NOT_LINEARIZABLE, steps, null);
        }
        int index = taken[--depth];
        state = statesBefore.remove(depth);
        linearized.clear(index);
        unlift(2 * index, next, previous);
        entry = next[2 * index];
      }
    }
    return new Found(Outcome.LINEARIZABLE, steps, taken);
  }

  /**
   * The entries in time order; at equal times calls come first, so that an operation returning when
   * another is called counts as concurrent with it, and then by operation index.
   */
  private static <I, O> List<Integer> timeOrder(List<Operation<I, O>> operations) {
    List<Integer> entries = new ArrayList<>(2 * operations.size());
    for (int entry = 0; entry < 2 * operations.size(); entry++) {
      entries.add(entry);
    }
    entries.sort((a, b) -> {
      int byTime = Long.compare(time(operations, a), time(operations, b));
      if (byTime != 0) {
        return byTime;
      }
      int byKind = Integer.compare(a % 2, b % 2);
      return byKind != 0 ? byKind : Integer.compare(a, b);
    });
    return entries;
  }

  /** An entry's time; a pending operation's return is {@link Operation#PENDING}, after all others. */
  private static <I, O> long time(List<Operation<I, O>> operations, int entry) {
    Operation<I, O> operation = operations.get(entry / 2);
    return entry % 2 == 0 ? operation.callMicros() : operation.returnMicros();
  }

  /** Links {@code entries} into a doubly linked list starting at {@code head}. */
  private static void link(List<Integer> entries, int head, int[] next, int[] previous) {
    int last = head;
    for (int entry : entries) {
      next[last] = entry;
      previous[entry] = last;
      last = entry;
    }
    next[last] = NONE;
  }

  /** Takes a call and its return out of the list; each keeps its links, for {@link #unlift}. */
  private static void lift(int call, int[] next, int[] previous) {
    next[previous[call]] = next[call];
    previous[next[call]] = previous[call]; // a call is always followed, at least by its return
    int ret = call + 1;
    next[previous[ret]] = next[ret];
    if (next[ret] != NONE) {
      previous[next[ret]] = previous[ret];
    }
  }

  /** Puts back a call and its return, the last pair lifted, in the reverse order of {@link #lift}. */
  private static void unlift(int call, int[] next, int[] previous) {
    int ret = call + 1;
    next[previous[ret]] = ret;
    if (next[ret] != NONE) {
      previous[next[ret]] = ret;
    }
    next[previous[call]] = call;
    previous[next[call]] = call;
  }

  private static <S, I, O> S initialState(Model<S, I, O> model) {
    S state = model.initialState();
    if (state == null) {
      throw new IllegalStateException("model " + model + " returned a null initial state; states are never null");
    }
    return state;
  }

  private static <S, I, O> Optional<S> step(Model<S, I, O> model, S state, Operation<I, O> operation) {
    Optional<S> after = model.step(state, operation.input(), operation.output());
    if (after == null) {
      throw new IllegalStateException("model " + model + " returned null from step(" + state + ", "
          + operation.input() + ", " + operation.output() + "); return Optional.empty() for an impossible output");
    }
    return after;
  }
}
