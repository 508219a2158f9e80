package dev.helios.runtime.internal;

import java.util.IdentityHashMap;

/**
 * One deep copy in progress: a fork of a whole simulation, a node's copy or a restart's
 * {@code @Durable} fields. It remembers each mutable object it has copied, so an object reachable
 * from two places (two fields, two nodes, a node and a message in flight) is copied once and the
 * copies share it as the originals do.
 *
 * <p>The memo is an {@link IdentityHashMap}, looked up and never iterated: identity hash codes
 * decide where an entry sits in it, never what a copy holds, so copies are the same in every run.
 * Immutable values are shared, not copied, and never enter the memo.
 */
public final class Copier {
  private IdentityHashMap<Object, Object> copies;

  public Copier() {}

  /** The copy already made of {@code source} in this copy, or null. */
  @SuppressWarnings("unchecked")
  public <T> T copied(T source) {
    return copies == null ? null : (T) copies.get(source);
  }

  /** Records {@code copy} as the copy of {@code source}, before its contents are copied (cycles). */
  public <T> T remember(T source, T copy) {
    if (copies == null) {
      copies = new IdentityHashMap<>();
    }
    copies.put(source, copy);
    return copy;
  }
}
