package dev.helios.runtime.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds the generated companion of a node class, and the companion that digests, renders and
 * copies a message class. Companions are {@link ServiceLoader} providers listed by the processor
 * in {@code META-INF/services}; TeaVM resolves the same list when it compiles to WebAssembly, so no
 * reflection is needed on either side.
 */
public final class NodeCompanions {
  private NodeCompanions() {}

  /** Built once from the class path; read-only afterwards, so simulations on any thread share it. */
  private static final class Registry {
    /** By node class name: iterated never, so a TreeMap only for its fixed order when built. */
    static final Map<String, NodeCompanion<?>> BY_CLASS_NAME = new TreeMap<>();
    /** By message class; looked up, never iterated. The first companion (by node class name) wins. */
    static final Map<Class<?>, NodeCompanion<?>> BY_MESSAGE_CLASS = new HashMap<>();
    static final boolean ANY_COPYABLE_MESSAGE;

    static {
      for (NodeCompanion<?> companion : ServiceLoader.load(NodeCompanion.class)) {
        BY_CLASS_NAME.put(companion.nodeClass().getName(), companion);
      }
      boolean anyCopyable = false;
      for (NodeCompanion<?> companion : BY_CLASS_NAME.values()) {
        for (Class<?> messageClass : companion.messageTypes()) {
          BY_MESSAGE_CLASS.putIfAbsent(messageClass, companion);
        }
        anyCopyable |= !companion.copyableMessageTypes().isEmpty();
      }
      ANY_COPYABLE_MESSAGE = anyCopyable;
    }
  }

  /** The companion of {@code nodeClass}; throws if the processor did not generate one. */
  @SuppressWarnings("unchecked")
  public static <T> NodeCompanion<T> of(Class<T> nodeClass) {
    NodeCompanion<?> companion = Registry.BY_CLASS_NAME.get(nodeClass.getName());
    if (companion == null) {
      throw new IllegalArgumentException(
          nodeClass.getName()
              + " has no generated companion: annotate it with @dev.helios.annotations.Node and"
              + " compile it with helios-processor on the annotation processor path");
    }
    return (NodeCompanion<T>) companion;
  }

  /** The companion that knows {@code messageClass} by value, or null if none does. */
  static NodeCompanion<?> forMessage(Class<?> messageClass) {
    return Registry.BY_MESSAGE_CLASS.get(messageClass);
  }

  /** True if some message type is {@code @Copyable}, so a fork must look at messages in flight. */
  static boolean anyCopyableMessage() {
    return Registry.ANY_COPYABLE_MESSAGE;
  }
}
