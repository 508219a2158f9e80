package dev.helios.runtime.linearizability;

/**
 * An operation on a single register ({@link Models#register}): a {@link Read} whose output is the
 * value read, or a {@link Write} whose output is ignored (record it as {@code "ok"}).
 *
 * @param <V> the register's values
 */
public sealed interface RegisterInput<V> {
  /** A read of the register. */
  static <V> RegisterInput<V> read() {
    return new Read<>();
  }

  /** A write of {@code value}, never null, to the register. */
  static <V> RegisterInput<V> write(V value) {
    return new Write<>(value);
  }

  /** A read; its output is the value it saw. */
  record Read<V>() implements RegisterInput<V> {
    @Override
    public String toString() {
      return "read()";
    }
  }

  /** A write of {@code value}, never null; its output is ignored. */
  record Write<V>(V value) implements RegisterInput<V> {
    /** Checks that there is a value. */
    public Write {
      if (value == null) {
        throw new IllegalArgumentException("a register write needs a value, got null");
      }
    }

    @Override
    public String toString() {
      return "write(" + value + ")";
    }
  }
}
