package dev.helios.runtime.linearizability;

/**
 * An operation on one key of a key-value map ({@link Models#keyValue}): a {@link Get} whose output
 * is the value read, or {@link Models#ABSENT} for a key never put, or a {@link Put} whose output is
 * ignored (record it as {@code "ok"}).
 *
 * @param <V> the map's values
 */
public sealed interface KvInput<V> {
  /** The key the operation reads or writes, never null. */
  String key();

  /** A read of {@code key}. */
  static <V> KvInput<V> get(String key) {
    return new Get<>(key);
  }

  /** A write of {@code value} to {@code key}, both never null. */
  static <V> KvInput<V> put(String key, V value) {
    return new Put<>(key, value);
  }

  /** A read of {@code key}; its output is the value read, or {@link Models#ABSENT}. */
  record Get<V>(String key) implements KvInput<V> {
    /** Checks that there is a key. */
    public Get {
      if (key == null) {
        throw new IllegalArgumentException("a get needs a key, got null");
      }
    }

    @Override
    public String toString() {
      return "get(" + key + ")";
    }
  }

  /** A write of {@code value} to {@code key}; its output is ignored. */
  record Put<V>(String key, V value) implements KvInput<V> {
    /** Checks that there are a key and a value. */
    public Put {
      if (key == null) {
        throw new IllegalArgumentException("a put needs a key, got null (value " + value + ")");
      }
      if (value == null) {
        throw new IllegalArgumentException("a put needs a value, got null (key " + key + ")");
      }
    }

    @Override
    public String toString() {
      return "put(" + key + ", " + value + ")";
    }
  }
}
