package dev.helios.runtime.linearizability;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A map of string keys, split by key; see {@link Models#keyValue}. */
final class KeyValueModel<V> implements Model<Map<String, V>, KvInput<V>, Object> {
  @Override
  public Map<String, V> initialState() {
    return Collections.emptyMap();
  }

  @Override
  public Optional<Map<String, V>> step(Map<String, V> state, KvInput<V> input, Object output) {
    if (input instanceof KvInput.Put<V> put) {
      // Each part holds one key, so this copy is small.
      Map<String, V> next = new TreeMap<>(state);
      next.put(put.key(), put.value());
      return Optional.of(Collections.unmodifiableMap(next));
    }
    V value = state.get(input.key());
    Object expected = value == null ? Models.ABSENT : value;
    return output == null || output.equals(expected) ? Optional.of(state) : Optional.empty();
  }

  @Override
  public Object partitionKey(KvInput<V> input) {
    return input.key();
  }

  @Override
  public String toString() {
    return "keyValue()";
  }
}
