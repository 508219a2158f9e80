package dev.helios.runtime.linearizability;

import java.util.Map;

/**
 * The models that come with the checker: a single register and a key-value map. Their outputs are
 * typed {@code Object}: a read returns a value, a write anything non-null, such as {@code "ok"}.
 */
public final class Models {
  /**
   * The output of a {@link KvInput.Get} of a key that has no value: never put. Null cannot serve,
   * since a null output marks a pending operation.
   */
  public static final Object ABSENT = Absent.ABSENT;

  private Models() {}

  /**
   * A single register holding {@code initial}, never null, until written. A {@link
   * RegisterInput.Read} returns the value last written; a {@link RegisterInput.Write} replaces it.
   * The state is the value itself.
   */
  public static <V> Model<V, RegisterInput<V>, Object> register(V initial) {
    if (initial == null) {
      throw new IllegalArgumentException("a register's initial value must not be null");
    }
    return new RegisterModel<>(initial);
  }

  /**
   * A map from string keys to values, empty at first. A {@link KvInput.Get} returns the value last
   * put to its key, or {@link #ABSENT}; a {@link KvInput.Put} replaces it. Histories are split by
   * key, so each key is checked on its own. The state is an unmodifiable sorted map.
   */
  public static <V> Model<Map<String, V>, KvInput<V>, Object> keyValue() {
    return new KeyValueModel<>();
  }

  /** The type of {@link #ABSENT}, for a readable name in reports. */
  private enum Absent {
    ABSENT;

    @Override
    public String toString() {
      return "absent";
    }
  }
}
