package dev.helios.runtime.linearizability;

import java.util.Optional;

/** A single register: the state is its value; see {@link Models#register}. */
final class RegisterModel<V> implements Model<V, RegisterInput<V>, Object> {
  private final V initial;

  RegisterModel(V initial) {
    this.initial = initial;
  }

  @Override
  public V initialState() {
    return initial;
  }

  @Override
  public Optional<V> step(V state, RegisterInput<V> input, Object output) {
    if (input instanceof RegisterInput.Write<V> write) {
      return Optional.of(write.value());
    }
    return output == null || output.equals(state) ? Optional.of(state) : Optional.empty();
  }

  @Override
  public String toString() {
    return "register(" + initial + ")";
  }
}
