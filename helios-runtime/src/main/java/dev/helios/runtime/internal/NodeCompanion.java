package dev.helios.runtime.internal;

import dev.helios.runtime.Context;

/**
 * What the processor generates for each {@code @Node} class {@code T}: dispatch, start, copy,
 * fingerprint and describe, all without reflection. Generated companions are registered as
 * {@link java.util.ServiceLoader} providers of this interface; the runtime finds them with
 * {@link NodeCompanions}.
 */
public interface NodeCompanion<T> {
  /** The node class this companion serves. */
  Class<T> nodeClass();

  /**
   * Runs the handler for {@code message}'s type (the most specific one) and returns true, or
   * returns false if the node has no handler for it.
   */
  boolean dispatch(T node, Object message, Context context) throws Exception;

  /**
   * The trace digest of {@code message} sent to or by this node: field by field for the record and
   * sealed message types the node handles, {@link Fingerprints#ofMessage} for anything else.
   */
  long messageDigest(Object message);

  /** Runs the node's {@code @OnStart} method, if it has one. */
  void start(T node, Context context) throws Exception;

  /** Makes {@code target}, a fresh instance from the node's factory, a deep copy of {@code source}. */
  void copyState(T source, T target);

  /**
   * Copies the {@code @Durable} fields of {@code crashed} into {@code fresh}, a new instance from
   * the node's factory, when a crashed node restarts.
   */
  void restoreDurable(T crashed, T fresh);

  /** A 64-bit digest of the node's state that does not depend on identity or record hash codes. */
  long fingerprint(T node);

  /** Appends the node's state as a JSON object. */
  void describe(T node, StringBuilder json);
}
