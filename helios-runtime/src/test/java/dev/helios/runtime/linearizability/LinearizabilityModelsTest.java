package dev.helios.runtime.linearizability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The models that come with the checker, their inputs, and how operations read in reports. */
class LinearizabilityModelsTest {
  @Test
  void aRegisterReadsItsLastWriteAndAcceptsAnyOutputForAPendingRead() {
    Model<Long, RegisterInput<Long>, Object> register = Models.register(0L);
    assertEquals(0L, register.initialState());
    assertEquals(Optional.of(5L), register.step(0L, RegisterInput.write(5L), "ok"));
    assertEquals(Optional.of(5L), register.step(0L, new RegisterInput.Write<>(5L), null));
    assertEquals(Optional.of(5L), register.step(5L, RegisterInput.read(), 5L));
    assertEquals(Optional.empty(), register.step(5L, RegisterInput.read(), 4L));
    assertEquals(Optional.of(5L), register.step(5L, RegisterInput.read(), null));
    assertEquals(Model.ALL, register.partitionKey(RegisterInput.read()));
    assertEquals("write(5) -> ok", register.describe(RegisterInput.write(5L), "ok"));
    assertEquals("read() -> pending", register.describe(RegisterInput.read(), null));
  }

  @Test
  void aKeyValueMapReadsAbsentUntilAPutAndSplitsByKey() {
    Model<Map<String, Long>, KvInput<Long>, Object> map = Models.keyValue();
    Map<String, Long> empty = map.initialState();
    assertEquals(Optional.of(empty), map.step(empty, KvInput.get("k"), Models.ABSENT));
    assertEquals(Optional.empty(), map.step(empty, KvInput.get("k"), 1L));
    Map<String, Long> afterPut = map.step(empty, KvInput.put("k", 1L), "ok").orElseThrow();
    assertEquals(Map.of("k", 1L), afterPut);
    assertEquals(Map.of(), empty, "a step must not change the state it was given");
    assertEquals(Optional.of(afterPut), map.step(afterPut, KvInput.get("k"), 1L));
    assertEquals(Optional.empty(), map.step(afterPut, KvInput.get("k"), Models.ABSENT));
    assertEquals(Optional.of(afterPut), map.step(afterPut, KvInput.get("k"), null));
    assertEquals(Optional.of(afterPut), map.step(afterPut, KvInput.get("other"), Models.ABSENT));
    assertEquals("k", map.partitionKey(KvInput.put("k", 1L)));
    assertEquals("k", map.partitionKey(KvInput.get("k")));
    assertEquals("get(k) -> absent", map.describe(KvInput.get("k"), Models.ABSENT));
  }

  @Test
  void statesAreValuesSoEqualMapsReachedApartAreEqual() {
    Model<Map<String, Long>, KvInput<Long>, Object> map = Models.keyValue();
    Map<String, Long> viaOne = map.step(map.initialState(), KvInput.put("k", 1L), "ok").orElseThrow();
    Map<String, Long> viaTwo = map.step(map.initialState(), KvInput.put("k", 2L), "ok").orElseThrow();
    Map<String, Long> again = map.step(viaTwo, KvInput.put("k", 1L), "ok").orElseThrow();
    assertEquals(viaOne, again);
    assertEquals(viaOne.hashCode(), again.hashCode());
  }

  @Test
  void inputsAreRecordsThatReadLikeCalls() {
    assertEquals(new RegisterInput.Write<>(7L), RegisterInput.write(7L));
    assertEquals(new RegisterInput.Read<Long>(), RegisterInput.read());
    assertEquals(new KvInput.Put<>("k1", 7L), KvInput.put("k1", 7L));
    assertEquals(new KvInput.Get<Long>("k1"), KvInput.get("k1"));
    assertEquals("put(k1, 7)", KvInput.put("k1", 7L).toString());
    assertEquals("get(k1)", KvInput.get("k1").toString());
    assertEquals("write(7)", RegisterInput.write(7L).toString());
    assertEquals("read()", RegisterInput.read().toString());
    assertEquals("absent", Models.ABSENT.toString());
    assertEquals("all", Model.ALL.toString());
  }

  @Test
  void inputsAndModelsRefuseNullValues() {
    assertMessage("a register write needs a value, got null", () -> RegisterInput.write(null));
    assertMessage("a put needs a value, got null (key k)", () -> KvInput.put("k", null));
    assertMessage("a put needs a key, got null (value 1)", () -> KvInput.put(null, 1L));
    assertMessage("a get needs a key, got null", () -> KvInput.get(null));
    assertMessage("a register's initial value must not be null", () -> Models.register(null));
  }

  @Test
  void anOperationReadsAsClientCallAndIntervalInMilliseconds() {
    assertEquals("client 5: put(k1, 7) -> ok [1.200 ms, 3.400 ms]",
        Operation.completed(5, KvInput.put("k1", 7L), "ok", 1_200, 3_400).toString());
    assertEquals("client 6: get(k1) -> pending [2.000 ms, ...)",
        Operation.pending(6, KvInput.get("k1"), 2_000).toString());
    assertEquals("client 0: read() -> 3 [0.000 ms, 0.007 ms]",
        Operation.completed(0, RegisterInput.read(), 3L, 0, 7).toString());
    assertEquals("client 0: read() -> 3 [12.045 ms, 12345.678 ms]",
        Operation.completed(0, RegisterInput.read(), 3L, 12_045, 12_345_678).toString());
  }

  @Test
  void aPendingOperationHasNoOutputAndNoReturn() {
    Operation<RegisterInput<Long>, Object> pending = Operation.pending(2, RegisterInput.write(1L), 10);
    assertTrue(pending.isPending());
    assertEquals(null, pending.output());
    assertEquals(Operation.PENDING, pending.returnMicros());
    assertEquals(Long.MAX_VALUE, Operation.PENDING);
    assertMessage("a pending operation (returnMicros PENDING) has no output, got ok (client 2: write(1))",
        () -> Operation.completed(2, RegisterInput.write(1L), "ok", 10, Operation.PENDING));
  }

  private static void assertMessage(String expected, Runnable action) {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, action::run);
    assertEquals(expected, thrown.getMessage());
  }
}
