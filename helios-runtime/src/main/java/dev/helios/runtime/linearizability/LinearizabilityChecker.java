package dev.helios.runtime.linearizability;

import dev.helios.runtime.linearizability.LinearizabilityResult.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checker of whether a history of client operations is linearizable against a sequential {@link
 * Model}: whether every operation can be given one instant between its call and its return at
 * which it takes effect, so that the model, stepped through them in that order, gives every output
 * the clients saw.
 *
 * <p>Operation A precedes operation B when A returned strictly before B was called; when A's return
 * and B's call are at the same microsecond, they are concurrent and may be ordered either way. The
 * history is split into parts by {@link Model#partitionKey}, each checked on its own (a history is
 * linearizable exactly when each part is), with the search of Wing and Gong and Lowe's memoization.
 * A part that is not linearizable is shrunk to a counterexample that is minimal with respect to
 * removing any one operation.
 */
public final class LinearizabilityChecker {
  /** The default budget: model steps allowed per part of the history. */
  static final long STEPS_MAX_DEFAULT = 10_000_000;

  private LinearizabilityChecker() {}

  /**
   * Checks {@code history} against {@code model}, allowing each part of it 10,000,000 model steps.
   *
   * @throws IllegalArgumentException if the history is malformed: an operation of a client starts
   *     before that client's previous one returned, or comes after its pending one
   */
  public static <S, I, O> LinearizabilityResult<I, O> check(Model<S, I, O> model, List<Operation<I, O>> history) {
    return check(model, history, STEPS_MAX_DEFAULT);
  }

  /**
   * Checks {@code history}, in any order, against {@code model}, allowing each part of it {@code
   * stepsMax} model steps; a part that needs more makes the outcome {@link Outcome#UNKNOWN} unless
   * another part is not linearizable. The search remembers up to {@code stepsMax} configurations
   * of a part, so the budget also bounds its memory. Shrinking a counterexample allows each
   * candidate the same budget.
   *
   * @throws IllegalArgumentException if {@code stepsMax} is less than 1, or the history is
   *     malformed: an operation of a client starts before that client's previous one returned, or
   *     comes after its pending one
   */
  public static <S, I, O> LinearizabilityResult<I, O> check(
      Model<S, I, O> model, List<Operation<I, O>> history, long stepsMax) {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    if (history == null) {
      throw new IllegalArgumentException("history must not be null");
    }
    if (stepsMax < 1) {
      throw new IllegalArgumentException("stepsMax must be at least 1, got " + stepsMax);
    }
    List<Operation<I, O>> inCallOrder = inCallOrder(history);
    checkClients(inCallOrder);
    Map<Object, List<Operation<I, O>>> parts = partition(model, inCallOrder);

    long steps = 0;
    List<List<Operation<I, O>>> linearizations = new ArrayList<>();
    Object unknownKey = null;
    int unknownSize = 0;
    int unknownCount = 0;
    for (Map.Entry<Object, List<Operation<I, O>>> part : parts.entrySet()) {
      List<Operation<I, O>> operations = part.getValue();
      Search.Found found = Search.run(model, operations, stepsMax);
      steps += found.steps();
      if (found.outcome() == Outcome.NOT_LINEARIZABLE) {
        CounterexampleShrinker.Shrunk<I, O> shrunk = CounterexampleShrinker.shrink(model, operations, stepsMax);
        return LinearizabilityResult.notLinearizable(
            model, part.getKey(), shrunk.operations(), operations.size(), steps + shrunk.steps());
      }
      if (found.outcome() == Outcome.UNKNOWN) {
        if (unknownCount++ == 0) {
          unknownKey = part.getKey();
          unknownSize = operations.size();
        }
        continue;
      }
      List<Operation<I, O>> order = new ArrayList<>(operations.size());
      for (int index : found.order()) {
        order.add(operations.get(index));
      }
      linearizations.add(order);
    }
    if (unknownCount > 0) {
      return LinearizabilityResult.unknown(unknownKey, unknownSize, unknownCount, stepsMax, steps);
    }
    return LinearizabilityResult.linearizable(merge(linearizations), parts.size(), steps);
  }

  /**
   * The history sorted by call time, then return time, then position in {@code history}: a
   * deterministic order for any order of the input.
   */
  private static <I, O> List<Operation<I, O>> inCallOrder(List<Operation<I, O>> history) {
    List<Operation<I, O>> sorted = new ArrayList<>(history.size());
    for (int index = 0; index < history.size(); index++) {
      Operation<I, O> operation = history.get(index);
      if (operation == null) {
        throw new IllegalArgumentException("history must not contain null, found at index " + index);
      }
      sorted.add(operation);
    }
    sorted.sort(Comparator.<Operation<I, O>>comparingLong(Operation::callMicros)
        .thenComparingLong(Operation::returnMicros));
    return sorted;
  }

  /** Refuses a client with two operations outstanding at once; equal return and call times are fine. */
  private static <I, O> void checkClients(List<Operation<I, O>> inCallOrder) {
    Map<Integer, Operation<I, O>> lastByClient = new HashMap<>();
    for (Operation<I, O> operation : inCallOrder) {
      Operation<I, O> last = lastByClient.put(operation.client(), operation);
      if (last == null) {
        continue;
      }
      if (last.isPending()) {
        throw new IllegalArgumentException("client " + operation.client() + " has an operation after its pending one: "
            + last + " then " + operation + "; a pending operation must be its client's last");
      }
      if (operation.callMicros() < last.returnMicros()) {
        throw new IllegalArgumentException("client " + operation.client() + " has overlapping operations: " + last
            + " and " + operation + "; a client has one operation outstanding at a time");
      }
    }
  }

  /** The parts of the history by partition key, in the order of their first calls. */
  private static <S, I, O> Map<Object, List<Operation<I, O>>> partition(
      Model<S, I, O> model, List<Operation<I, O>> inCallOrder) {
    Map<Object, List<Operation<I, O>>> parts = new LinkedHashMap<>();
    for (Operation<I, O> operation : inCallOrder) {
      Object key = model.partitionKey(operation.input());
      if (key == null) {
        throw new IllegalArgumentException(
            "model " + model + " gave a null partition key for " + operation.input() + "; keys are never null");
      }
      parts.computeIfAbsent(key, k -> new ArrayList<>()).add(operation);
    }
    return parts;
  }

  /**
   * One order of the whole history from an order of each part. Each operation gets an instant: the
   * latest call among it and the operations before it in its part's order. That instant lies within
   * the operation's interval, since no operation before it in its part's order was called after it
   * returned, and instants never decrease along a part's order; so sorting every operation by
   * instant, then part, then place in its part, keeps each part's order and respects real time
   * across parts.
   */
  private static <I, O> List<Operation<I, O>> merge(List<List<Operation<I, O>>> linearizations) {
    record Placed<I, O>(long instantMicros, int part, int place, Operation<I, O> operation) {}
    List<Placed<I, O>> placed = new ArrayList<>();
    for (int part = 0; part < linearizations.size(); part++) {
      long instantMicros = 0;
      List<Operation<I, O>> order = linearizations.get(part);
      for (int place = 0; place < order.size(); place++) {
        instantMicros = Math.max(instantMicros, order.get(place).callMicros());
        placed.add(new Placed<>(instantMicros, part, place, order.get(place)));
      }
    }
    placed.sort(Comparator.<Placed<I, O>>comparingLong(Placed::instantMicros)
        .thenComparingInt(Placed::part)
        .thenComparingInt(Placed::place));
    List<Operation<I, O>> merged = new ArrayList<>(placed.size());
    for (Placed<I, O> each : placed) {
      merged.add(each.operation());
    }
    return merged;
  }
}
