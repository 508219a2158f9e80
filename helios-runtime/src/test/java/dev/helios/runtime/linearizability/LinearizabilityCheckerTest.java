package dev.helios.runtime.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.runtime.linearizability.LinearizabilityResult.Outcome;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The checker on hand-made histories of a register and a key-value map, and on generated ones. */
class LinearizabilityCheckerTest {
  private static final Model<Long, RegisterInput<Long>, Object> REGISTER = Models.register(0L);
  private static final Model<Map<String, Long>, KvInput<Long>, Object> KV = Models.keyValue();

  // The register

  @Test
  void aReadAfterACompletedWriteThatSeesItIsLinearizable() {
    var write = write(0, 1, 0, 1_000);
    var read = read(1, 1, 2_000, 3_000);
    var result = LinearizabilityChecker.check(REGISTER, List.of(read, write));
    assertEquals(Outcome.LINEARIZABLE, result.outcome());
    assertTrue(result.isLinearizable());
    assertEquals(List.of(write, read), result.linearization());
    assertEquals(List.of(), result.counterexample());
    assertNull(result.partitionKey());
    assertEquals(2, result.stepsTaken());
    assertEquals("linearizable: 2 operations in 1 part, 2 steps", result.describe());
    assertEquals(result.describe(), result.toString());
  }

  @Test
  void aStaleReadOfTheInitialValueShrinksToItAndTheWriteBeforeIt() {
    var write1 = write(0, 1, 0, 1_000);
    var stale = read(2, 0, 2_500, 3_000);
    List<Operation<RegisterInput<Long>, Object>> history = List.of(
        write1, read(1, 1, 1_500, 2_000), stale, write(0, 2, 4_000, 5_000), read(1, 2, 5_500, 6_000));
    var result = LinearizabilityChecker.check(REGISTER, history);
    assertEquals(Outcome.NOT_LINEARIZABLE, result.outcome());
    assertFalse(result.isLinearizable());
    assertEquals(List.of(write1, stale), result.counterexample());
    assertEquals(Model.ALL, result.partitionKey());
    assertEquals(List.of(), result.linearization());
    assertEquals("not linearizable: 2 operations cannot be ordered (shrunk from 5):\n"
        + "  client 0: write(1) -> ok [0.000 ms, 1.000 ms]\n"
        + "  client 2: read() -> 0 [2.500 ms, 3.000 ms]", result.describe());
    assertOneMinimal(REGISTER, result.counterexample(), () -> result.describe());
  }

  @Test
  void aStaleReadOfAnOlderWriteKeepsTheWriteItSaw() {
    var write1 = write(0, 1, 0, 1_000);
    var write2 = write(0, 2, 2_500, 3_000);
    var stale = read(2, 1, 3_500, 4_000);
    List<Operation<RegisterInput<Long>, Object>> history = List.of(
        write1, read(1, 1, 1_500, 2_000), write2, stale, read(1, 2, 4_500, 5_000), write(0, 3, 6_000, 7_000));
    var result = LinearizabilityChecker.check(REGISTER, history);
    assertEquals(Outcome.NOT_LINEARIZABLE, result.outcome());
    // Without write(1), the read of 1 could not be explained by any order, which would hide the problem.
    assertEquals(List.of(write1, write2, stale), result.counterexample(), result::describe);
    assertOneMinimal(REGISTER, result.counterexample(), () -> result.describe());
  }

  @Test
  void aReadConcurrentWithAWriteMaySeeTheOldOrTheNewValue() {
    for (long seen : new long[] {0, 1}) {
      var write = write(0, 1, 1_000, 3_000);
      var read = read(1, seen, 2_000, 4_000);
      var result = LinearizabilityChecker.check(REGISTER, List.of(write, read));
      assertEquals(Outcome.LINEARIZABLE, result.outcome(), "read saw " + seen);
      assertEquals(seen == 0 ? List.of(read, write) : List.of(write, read), result.linearization());
    }
  }

  @Test
  void twoReadsDuringOneWriteThatSeeNewThenOldAreNotLinearizable() {
    var write = write(0, 1, 0, 10_000);
    var readNew = read(1, 1, 1_000, 2_000);
    var readOld = read(2, 0, 3_000, 4_000);
    var result = LinearizabilityChecker.check(REGISTER, List.of(write, readNew, readOld));
    assertEquals(Outcome.NOT_LINEARIZABLE, result.outcome());
    assertEquals(List.of(write, readNew, readOld), result.counterexample(), result::describe);
    assertEquals("not linearizable: 3 operations cannot be ordered:\n"
        + "  client 0: write(1) -> ok [0.000 ms, 10.000 ms]\n"
        + "  client 1: read() -> 1 [1.000 ms, 2.000 ms]\n"
        + "  client 2: read() -> 0 [3.000 ms, 4.000 ms]", result.describe());
    assertOneMinimal(REGISTER, result.counterexample(), () -> result.describe());

    var overlapping = read(2, 0, 1_500, 4_000);
    assertTrue(LinearizabilityChecker.check(REGISTER, List.of(write, readNew, overlapping)).isLinearizable(),
        "the old value may be read while the new read is still open");
  }

  @Test
  void aReturnAtTheSameMicrosecondAsACallIsConcurrentWithIt() {
    var write = write(0, 1, 0, 1_000);
    assertTrue(LinearizabilityChecker.check(REGISTER, List.of(write, read(1, 0, 1_000, 2_000))).isLinearizable());
    assertEquals(Outcome.NOT_LINEARIZABLE,
        LinearizabilityChecker.check(REGISTER, List.of(write, read(1, 0, 1_001, 2_000))).outcome());
    var instant = write(0, 1, 1_000, 1_000);
    assertTrue(LinearizabilityChecker.check(REGISTER, List.of(instant, read(1, 0, 1_000, 1_000))).isLinearizable());
  }

  @Test
  void aPendingWriteMayTakeEffectAfterItsCallOrNever() {
    var pending = Operation.<RegisterInput<Long>, Object>pending(0, RegisterInput.write(7L), 1_000);
    var seenLater = read(1, 7, 50_000, 51_000);
    var result = LinearizabilityChecker.check(REGISTER, List.of(read(1, 0, 2_000, 3_000), pending, seenLater));
    assertEquals(Outcome.LINEARIZABLE, result.outcome(), result::describe);
    assertEquals(List.of(pending, seenLater), result.linearization().subList(1, 3));
    assertWitness(REGISTER, List.of(read(1, 0, 2_000, 3_000), pending, seenLater), result, () -> "pending seen");

    var neverSeen = List.of(pending, read(1, 0, 2_000, 3_000), read(2, 0, 60_000, 61_000));
    var unobserved = LinearizabilityChecker.check(REGISTER, neverSeen);
    assertEquals(Outcome.LINEARIZABLE, unobserved.outcome(), unobserved::describe);
    assertEquals(pending, unobserved.linearization().get(2), "it never took effect, so it comes last");
    assertWitness(REGISTER, neverSeen, unobserved, () -> "pending never seen");

    var beforeItsCall = read(1, 7, 0, 500);
    assertEquals(Outcome.NOT_LINEARIZABLE, LinearizabilityChecker.check(REGISTER, List.of(pending, beforeItsCall))
        .outcome(), "it cannot take effect before its call");
    var seenThenLost = List.of(pending, read(1, 7, 2_000, 3_000), read(2, 0, 4_000, 5_000));
    var lost = LinearizabilityChecker.check(REGISTER, seenThenLost);
    assertEquals(Outcome.NOT_LINEARIZABLE, lost.outcome());
    assertEquals(seenThenLost, lost.counterexample(), "pending operations count in the counterexample");
    assertTrue(lost.describe().contains("client 0: write(7) -> pending [1.000 ms, ...)"), lost::describe);
  }

  @Test
  void aReadOfAValueNeverWrittenIsNotLinearizableOnItsOwn() {
    var impossible = read(2, 9, 3_000, 4_000);
    List<Operation<RegisterInput<Long>, Object>> history =
        List.of(write(0, 1, 0, 1_000), read(1, 1, 1_500, 2_000), impossible, write(0, 2, 5_000, 6_000));
    var result = LinearizabilityChecker.check(REGISTER, history);
    assertEquals(Outcome.NOT_LINEARIZABLE, result.outcome());
    assertEquals(List.of(impossible), result.counterexample());
    assertEquals("not linearizable: 1 operation cannot be ordered (shrunk from 4):\n"
        + "  client 2: read() -> 9 [3.000 ms, 4.000 ms]", result.describe());
  }

  @Test
  void anEmptyHistoryIsLinearizable() {
    var result = LinearizabilityChecker.check(REGISTER, List.of());
    assertEquals(Outcome.LINEARIZABLE, result.outcome());
    assertEquals(List.of(), result.linearization());
    assertEquals("linearizable: 0 operations in 0 parts, 0 steps", result.describe());
  }

  @Test
  void theOrderOfTheHistoryListDoesNotChangeTheResult() {
    List<Operation<RegisterInput<Long>, Object>> history = List.of(write(0, 1, 0, 1_000), read(1, 1, 1_500, 2_000),
        read(2, 0, 2_500, 3_000), write(0, 2, 4_000, 5_000), read(1, 2, 5_500, 6_000));
    var reversed = new ArrayList<>(history);
    java.util.Collections.reverse(reversed);
    var forward = LinearizabilityChecker.check(REGISTER, history);
    var backward = LinearizabilityChecker.check(REGISTER, reversed);
    assertEquals(forward.describe(), backward.describe());
    assertEquals(forward.counterexample(), backward.counterexample());
    assertEquals(forward.stepsTaken(), backward.stepsTaken());
  }

  @Test
  void memoizationVisitsEachOrderOfConcurrentWritesOnceUpToTheLastValue() {
    List<Operation<RegisterInput<Long>, Object>> history = new ArrayList<>();
    for (int client = 0; client < 12; client++) {
      history.add(write(client, client + 1, 0, 1_000));
    }
    var readThree = read(12, 3, 2_000, 3_000);
    var readFive = read(12, 5, 4_000, 5_000);
    history.add(readThree);
    history.add(readFive);
    // 12! orders of the writes, but only 12 * 2^11 sets of writes taken with the value last written.
    var result = LinearizabilityChecker.check(REGISTER, history);
    assertEquals(Outcome.NOT_LINEARIZABLE, result.outcome());
    assertEquals(List.of(history.get(2), history.get(4), readThree, readFive), result.counterexample(), result::describe);
    assertTrue(result.stepsTaken() < 2_000_000, result::describe);
    assertOneMinimal(REGISTER, result.counterexample(), result::describe);
  }

  // The key-value map

  @Test
  void aViolationOnOneKeyIsReportedWithThatKeysOperationsOnly() {
    List<Operation<KvInput<Long>, Object>> history = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      history.add(put(i % 3, "a", i, i * 10_000L, i * 10_000L + 4_000));
      history.add(get(3 + i % 2, "a", (long) i, i * 10_000L + 5_000, i * 10_000L + 9_000));
    }
    var putB = put(5, "b", 1, 100_000, 101_000);
    var staleB = get(6, "b", Models.ABSENT, 102_000, 103_000);
    history.add(putB);
    history.add(get(7, "b", 1L, 101_500, 101_900));
    history.add(staleB);
    var result = LinearizabilityChecker.check(KV, history);
    assertEquals(Outcome.NOT_LINEARIZABLE, result.outcome());
    assertEquals("b", result.partitionKey());
    assertEquals(List.of(putB, staleB), result.counterexample());
    assertEquals("not linearizable: key b, 2 operations cannot be ordered (shrunk from 3):\n"
        + "  client 5: put(b, 1) -> ok [100.000 ms, 101.000 ms]\n"
        + "  client 6: get(b) -> absent [102.000 ms, 103.000 ms]", result.describe());

    history.remove(staleB);
    var fixed = LinearizabilityChecker.check(KV, history);
    assertEquals("linearizable: 102 operations in 2 parts, 102 steps", fixed.describe());
    assertWitness(KV, history, fixed, () -> "two keys");
  }

  @Test
  void aKeyNeverPutReadsAbsent() {
    var early = get(0, "k", Models.ABSENT, 0, 1_000);
    var put = put(1, "k", 5, 2_000, 3_000);
    var other = get(2, "other", Models.ABSENT, 4_000, 5_000);
    var result = LinearizabilityChecker.check(KV, List.of(early, put, other, get(0, "k", 5L, 4_000, 5_000)));
    assertEquals("linearizable: 4 operations in 2 parts, 4 steps", result.describe());

    var late = get(0, "k", Models.ABSENT, 4_000, 5_000);
    var stale = LinearizabilityChecker.check(KV, List.of(early, put, other, late));
    assertEquals(Outcome.NOT_LINEARIZABLE, stale.outcome());
    assertEquals("k", stale.partitionKey());
    assertEquals(List.of(put, late), stale.counterexample());
  }

  @Test
  void manyClientsOnManyKeysAreCheckedPerKey() {
    for (long seed = 1; seed <= 20; seed++) {
      long s = seed;
      List<Operation<KvInput<Long>, Object>> history = GeneratedHistories.keyValue(s, 12, 400, 5);
      var result = LinearizabilityChecker.check(KV, history);
      assertEquals(Outcome.LINEARIZABLE, result.outcome(), () -> "seed=" + s + "\n" + result.describe());
      assertTrue(result.describe().startsWith("linearizable: 400 operations in "), result::describe);
      assertWitness(KV, history, result, () -> "seed=" + s);
    }
  }

  // Generated histories

  @Test
  void generatedAtomicRegisterHistoriesAreLinearizableWithAValidWitness() {
    for (long seed = 1; seed <= 40; seed++) {
      long s = seed;
      List<Operation<RegisterInput<Long>, Object>> history = GeneratedHistories.register(s, 5, 300);
      var result = LinearizabilityChecker.check(REGISTER, history);
      assertEquals(Outcome.LINEARIZABLE, result.outcome(), () -> "seed=" + s + "\n" + result.describe());
      assertWitness(REGISTER, history, result, () -> "seed=" + s);
    }
  }

  @Test
  void oneStaleReadInAGeneratedHistoryIsFoundAndShrunkToAOneMinimalCounterexample() {
    for (long seed = 1; seed <= 40; seed++) {
      long s = seed;
      List<Operation<RegisterInput<Long>, Object>> history = new ArrayList<>(GeneratedHistories.register(s, 5, 300));
      // Values written are distinct and never 0, so once a write has returned, reading 0 is stale.
      long firstReturnMicros = Long.MAX_VALUE;
      int corrupted = -1;
      for (int i = 0; i < history.size(); i++) {
        var operation = history.get(i);
        if (operation.input() instanceof RegisterInput.Write<Long> && !operation.isPending()) {
          firstReturnMicros = Math.min(firstReturnMicros, operation.returnMicros());
        }
      }
      for (int i = history.size() - 1; i >= 0 && corrupted < 0; i--) {
        var operation = history.get(i);
        if (operation.input() instanceof RegisterInput.Read<Long> && !operation.isPending()
            && operation.callMicros() > firstReturnMicros) {
          corrupted = i;
        }
      }
      var original = history.get(corrupted);
      var stale = Operation.<RegisterInput<Long>, Object>completed(
          original.client(), original.input(), 0L, original.callMicros(), original.returnMicros());
      history.set(corrupted, stale);

      var result = LinearizabilityChecker.check(REGISTER, history);
      assertEquals(Outcome.NOT_LINEARIZABLE, result.outcome(), () -> "seed=" + s + "\n" + result.describe());
      assertTrue(result.counterexample().contains(stale), () -> "seed=" + s + "\n" + result.describe());
      assertOneMinimal(REGISTER, result.counterexample(), () -> "seed=" + s + "\n" + result.describe());
    }
  }

  @Test
  void aReadOfAnOverwrittenValueInAGeneratedHistoryShrinksToTwoWritesAndTheRead() {
    for (long seed = 1; seed <= 40; seed++) {
      long s = seed;
      List<Operation<RegisterInput<Long>, Object>> history = new ArrayList<>(GeneratedHistories.register(s, 5, 300));
      // A read that begins after a write returned, which began after an older write returned, and
      // sees the older value: values written are distinct, so no order explains it.
      Operation<RegisterInput<Long>, Object> older = null;
      int corrupted = -1;
      for (int i = history.size() - 1; i >= 0 && corrupted < 0; i--) {
        var read = history.get(i);
        if (!(read.input() instanceof RegisterInput.Read<Long>) || read.isPending()) {
          continue;
        }
        for (var newer : history) {
          if (newer.input() instanceof RegisterInput.Write<Long> && newer.precedes(read)) {
            for (var old : history) {
              if (old.input() instanceof RegisterInput.Write<Long> && old.precedes(newer)) {
                older = old;
                corrupted = i;
              }
            }
          }
        }
      }
      var original = history.get(corrupted);
      var stale = Operation.<RegisterInput<Long>, Object>completed(original.client(), original.input(),
          ((RegisterInput.Write<Long>) older.input()).value(), original.callMicros(), original.returnMicros());
      history.set(corrupted, stale);

      var result = LinearizabilityChecker.check(REGISTER, history);
      Supplier<String> context = () -> "seed=" + s + "\n" + result.describe();
      assertEquals(Outcome.NOT_LINEARIZABLE, result.outcome(), context);
      assertEquals(3, result.counterexample().size(), context);
      assertEquals(stale, result.counterexample().get(2), context);
      assertTrue(result.counterexample().get(0).input() instanceof RegisterInput.Write<Long>, context);
      assertTrue(result.counterexample().get(1).input() instanceof RegisterInput.Write<Long>, context);
      assertOneMinimal(REGISTER, result.counterexample(), context);
    }
  }

  @Test
  void aReadOfAValueNeverWrittenInAGeneratedKvHistoryIsFound() {
    for (long seed = 1; seed <= 20; seed++) {
      long s = seed;
      List<Operation<KvInput<Long>, Object>> history = new ArrayList<>(GeneratedHistories.keyValue(s, 8, 300, 4));
      int corrupted = -1;
      for (int i = history.size() / 2; i < history.size() && corrupted < 0; i++) {
        if (history.get(i).input() instanceof KvInput.Get<Long> && !history.get(i).isPending()) {
          corrupted = i;
        }
      }
      var original = history.get(corrupted);
      var impossible = Operation.<KvInput<Long>, Object>completed(
          original.client(), original.input(), -1L, original.callMicros(), original.returnMicros());
      history.set(corrupted, impossible);
      var result = LinearizabilityChecker.check(KV, history);
      assertEquals(Outcome.NOT_LINEARIZABLE, result.outcome(), () -> "seed=" + s);
      assertEquals(original.input().key(), result.partitionKey(), () -> "seed=" + s);
      assertEquals(List.of(impossible), result.counterexample(), () -> "seed=" + s + "\n" + result.describe());
    }
  }

  @Test
  void theSameHistoryGivesTheSameResultTwice() {
    List<Operation<RegisterInput<Long>, Object>> history = new ArrayList<>(GeneratedHistories.register(7, 6, 200));
    var first = LinearizabilityChecker.check(REGISTER, history);
    var second = LinearizabilityChecker.check(REGISTER, new ArrayList<>(history));
    assertEquals(first.linearization(), second.linearization());
    assertEquals(first.stepsTaken(), second.stepsTaken());
  }

  // The budget

  @Test
  void aPartOverTheBudgetIsUnknownAndNamesTheBudget() {
    List<Operation<RegisterInput<Long>, Object>> history = new ArrayList<>();
    for (int client = 0; client < 12; client++) {
      history.add(client % 2 == 0 ? write(client, client + 1, 0, 100_000) : read(client, client, 0, 100_000));
    }
    var result = LinearizabilityChecker.check(REGISTER, history, 5);
    assertEquals(Outcome.UNKNOWN, result.outcome());
    assertFalse(result.isLinearizable());
    assertEquals(Model.ALL, result.partitionKey());
    assertEquals(5, result.stepsTaken());
    assertEquals("unknown: the search for the history (12 operations) ran out of its budget of 5 model steps "
        + "(stepsMax); raise it to decide. No part was found non-linearizable", result.describe());
    assertTrue(LinearizabilityChecker.check(REGISTER, history).isLinearizable());
  }

  @Test
  void aNonLinearizablePartWinsOverAnUndecidedOne() {
    List<Operation<KvInput<Long>, Object>> history = new ArrayList<>();
    for (int client = 0; client < 10; client++) {
      history.add(put(client, "a", client, 0, 100_000));
      history.add(put(client + 10, "c", client, 0, 100_000));
    }
    var putB = put(20, "b", 1, 0, 1_000);
    var staleB = get(21, "b", Models.ABSENT, 2_000, 3_000);
    history.add(putB);
    history.add(staleB);
    var result = LinearizabilityChecker.check(KV, history, 5);
    assertEquals(Outcome.NOT_LINEARIZABLE, result.outcome(), result::describe);
    assertEquals("b", result.partitionKey());
    assertEquals(List.of(putB, staleB), result.counterexample());

    history.remove(staleB);
    var undecided = LinearizabilityChecker.check(KV, history, 5);
    assertEquals(Outcome.UNKNOWN, undecided.outcome());
    assertEquals("a", undecided.partitionKey());
    assertEquals("unknown: the search for key a (10 operations) ran out of its budget of 5 model steps (stepsMax); "
        + "raise it to decide. 1 other part also ran out. No part was found non-linearizable", undecided.describe());
  }

  // Malformed histories

  @Test
  void overlappingOperationsOfOneClientAreRefused() {
    var first = write(3, 1, 1_000, 5_000);
    var second = read(3, 1, 4_000, 6_000);
    var thrown = assertThrows(IllegalArgumentException.class,
        () -> LinearizabilityChecker.check(REGISTER, List.of(second, first)));
    assertEquals("client 3 has overlapping operations: client 3: write(1) -> ok [1.000 ms, 5.000 ms] and "
        + "client 3: read() -> 1 [4.000 ms, 6.000 ms]; a client has one operation outstanding at a time",
        thrown.getMessage());
    // A client may call again in the microsecond its previous operation returned.
    assertTrue(LinearizabilityChecker.check(REGISTER, List.of(first, read(3, 1, 5_000, 6_000))).isLinearizable());
  }

  @Test
  void anOperationAfterAPendingOneOfTheSameClientIsRefused() {
    var pending = Operation.<RegisterInput<Long>, Object>pending(2, RegisterInput.write(1L), 1_000);
    var thrown = assertThrows(IllegalArgumentException.class,
        () -> LinearizabilityChecker.check(REGISTER, List.of(pending, read(2, 1, 9_000, 9_500))));
    assertEquals("client 2 has an operation after its pending one: client 2: write(1) -> pending [1.000 ms, ...) "
        + "then client 2: read() -> 1 [9.000 ms, 9.500 ms]; a pending operation must be its client's last",
        thrown.getMessage());
  }

  @Test
  void malformedOperationsAreRefusedWithTheValueAndTheRule() {
    assertMessage("output must not be null for a completed operation (client 1: read() returned at 2.000 ms); "
        + "use Operation.pending for one whose response was never seen",
        () -> Operation.completed(1, RegisterInput.read(), null, 1_000, 2_000));
    assertMessage("callMicros must be zero or more, got -5 (client 1: read())",
        () -> Operation.completed(1, RegisterInput.read(), 0L, -5, 2_000));
    assertMessage("returnMicros must be at least callMicros, got returnMicros 999 < callMicros 1000 (client 1: read())",
        () -> Operation.completed(1, RegisterInput.read(), 0L, 1_000, 999));
    assertMessage("client must be zero or more, got -1", () -> Operation.completed(-1, RegisterInput.read(), 0L, 0, 1));
    assertMessage("input must not be null (client 4)", () -> Operation.pending(4, null, 0));
    assertMessage("stepsMax must be at least 1, got 0", () -> LinearizabilityChecker.check(REGISTER, List.of(), 0));
    List<Operation<RegisterInput<Long>, Object>> withNull = new ArrayList<>();
    withNull.add(read(0, 0, 0, 1));
    withNull.add(null);
    assertMessage("history must not contain null, found at index 1", () -> LinearizabilityChecker.check(REGISTER, withNull));
  }

  // Long histories

  @Test
  void aSequentialHistoryOfTenThousandOperationsIsCheckedWithoutDeepRecursion() {
    List<Operation<RegisterInput<Long>, Object>> history = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      history.add(write(0, i + 1, i * 20L, i * 20L + 5));
      history.add(read(1, i + 1, i * 20L + 10, i * 20L + 15));
    }
    var result = LinearizabilityChecker.check(REGISTER, history);
    assertEquals("linearizable: 10000 operations in 1 part, 10000 steps", result.describe());
    assertEquals(history, result.linearization());

    var last = history.get(history.size() - 1);
    var stale = read(1, 4_999, last.callMicros(), last.returnMicros());
    history.set(history.size() - 1, stale);
    var broken = LinearizabilityChecker.check(REGISTER, history);
    assertEquals(Outcome.NOT_LINEARIZABLE, broken.outcome());
    assertEquals(List.of(write(0, 4_999, 99_960, 99_965), write(0, 5_000, 99_980, 99_985), stale),
        broken.counterexample(), broken::describe);
  }

  // Helpers

  private static Operation<RegisterInput<Long>, Object> write(int client, long value, long callMicros, long returnMicros) {
    return Operation.completed(client, RegisterInput.write(value), "ok", callMicros, returnMicros);
  }

  private static Operation<RegisterInput<Long>, Object> read(int client, long value, long callMicros, long returnMicros) {
    return Operation.completed(client, RegisterInput.read(), value, callMicros, returnMicros);
  }

  private static Operation<KvInput<Long>, Object> put(
      int client, String key, long value, long callMicros, long returnMicros) {
    return Operation.completed(client, KvInput.put(key, value), "ok", callMicros, returnMicros);
  }

  private static Operation<KvInput<Long>, Object> get(
      int client, String key, Object value, long callMicros, long returnMicros) {
    return Operation.completed(client, KvInput.get(key), value, callMicros, returnMicros);
  }

  private static void assertMessage(String expected, Runnable action) {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, action::run);
    assertEquals(expected, thrown.getMessage());
  }

  /**
   * That {@code counterexample} is not linearizable, and that without any one of its operations it
   * is, unless an operation that could take effect in it no longer can (a read without its write).
   */
  private static <S, I, O> void assertOneMinimal(
      Model<S, I, O> model, List<Operation<I, O>> counterexample, Supplier<String> context) {
    assertEquals(Outcome.NOT_LINEARIZABLE, LinearizabilityChecker.check(model, counterexample).outcome(), context);
    Feasibility<S, I, O> feasibility = new Feasibility<>(model, counterexample);
    int[] all = new int[counterexample.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    BitSet impossible = feasibility.cannotTakeEffect(all, new BitSet(), 1_000_000);
    for (int i = 0; i < counterexample.size(); i++) {
      List<Operation<I, O>> without = new ArrayList<>(counterexample);
      Operation<I, O> removed = without.remove(i);
      LinearizabilityResult<I, O> result = LinearizabilityChecker.check(model, without);
      if (result.outcome() == Outcome.NOT_LINEARIZABLE) {
        int[] members = new int[all.length - 1];
        for (int j = 0, k = 0; j < all.length; j++) {
          if (j != i) {
            members[k++] = j;
          }
        }
        BitSet lost = feasibility.cannotTakeEffect(members, impossible, 1_000_000);
        assertFalse(lost.isEmpty(), () -> "without " + removed + " still not linearizable\n" + context.get());
      } else {
        assertEquals(Outcome.LINEARIZABLE, result.outcome(), context);
      }
    }
  }

  /**
   * That {@code result} is linearizable with a witness that holds every operation of {@code history}
   * once, respects real time, and that the model accepts in order.
   */
  private static <S, I, O> void assertWitness(
      Model<S, I, O> model, List<Operation<I, O>> history, LinearizabilityResult<I, O> result, Supplier<String> context) {
    assertEquals(Outcome.LINEARIZABLE, result.outcome(), context);
    List<Operation<I, O>> order = result.linearization();
    List<Operation<I, O>> remaining = new ArrayList<>(history);
    for (Operation<I, O> operation : order) {
      assertTrue(remaining.remove(operation), () -> "not in the history: " + operation + "\n" + context.get());
    }
    assertEquals(List.of(), remaining, context);
    S state = model.initialState();
    for (Operation<I, O> operation : order) {
      S before = state;
      state = model.step(state, operation.input(), operation.output())
          .orElseThrow(() -> new AssertionError("the model refuses " + operation + " in " + before + "\n" + context.get()));
    }
    for (int later = 0; later < order.size(); later++) {
      for (int earlier = 0; earlier < later; earlier++) {
        Operation<I, O> a = order.get(earlier);
        Operation<I, O> b = order.get(later);
        assertFalse(b.returnMicros() < a.callMicros(), () -> b + " returned before " + a + " began\n" + context.get());
      }
    }
  }
}
