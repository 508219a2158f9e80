package dev.helios.runtime.internal;

import dev.helios.runtime.Context;
import java.util.List;

/**
 * What the processor generates for each {@code @Node} class {@code T}: dispatch, start, copy,
 * fingerprint and describe, and the by-value digest, text and copy of the messages its handlers
 * take, all without reflection. Generated companions are registered as {@link
 * java.util.ServiceLoader} providers of this interface; the runtime finds them with {@link
 * NodeCompanions}.
 */
public interface NodeCompanion<T> {
  /** The node class this companion serves. */
  Class<T> nodeClass();

  /**
   * Runs the handler for {@code message}'s type (the most specific one) and returns true, or
   * returns false if the node has no handler for it.
   */
  boolean dispatch(T node, Object message, Context context) throws Exception;

  /** Runs the node's {@code @OnStart} method, if it has one. */
  void start(T node, Context context) throws Exception;

  /**
   * The concrete message classes this companion digests, renders and copies by value: the value
   * types its handlers take, with the permitted subtypes of sealed ones and the implementations,
   * compiled with the node, of interfaces they take. {@link Messages} looks messages up here when
   * a node whose handler takes a wider type receives one.
   */
  List<Class<?>> messageTypes();

  /** Those of {@link #messageTypes()} that are mutable ({@code @Copyable}) and copied at a fork. */
  List<Class<?>> copyableMessageTypes();

  /**
   * The trace digest of {@code message} sent to this node (or set as its timer): generated, by
   * value, for its own message types, and {@link Messages#digest} for any other. Throws
   * IllegalArgumentException for a message that is not an immutable value.
   */
  long messageDigest(Object message);

  /** Appends the text of {@code message} if it is one of {@link #messageTypes()}; false otherwise. */
  boolean messageText(Object message, StringBuilder out);

  /** A copy of {@code message} if it is one of {@link #copyableMessageTypes()}; the message itself otherwise. */
  Object copyMessage(Object message, Copier copier);

  /**
   * Makes {@code target}, a fresh instance from the node's factory, a deep copy of {@code source};
   * objects already copied through {@code copier} are shared, as in the source.
   */
  void copyState(T source, T target, Copier copier);

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
