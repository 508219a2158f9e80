package dev.helios.runtime.internal;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds the generated companion of a node class. Companions are {@link ServiceLoader} providers
 * listed by the processor in {@code META-INF/services}; TeaVM resolves the same list when it
 * compiles to WebAssembly, so no reflection is needed on either side.
 */
public final class NodeCompanions {
  private NodeCompanions() {}

  /** Built once from the class path; read-only afterwards. Keyed by class name, looked up only. */
  private static final class Registry {
    static final Map<String, NodeCompanion<?>> BY_CLASS_NAME = load();

    private static Map<String, NodeCompanion<?>> load() {
      Map<String, NodeCompanion<?>> byName = new TreeMap<>();
      for (NodeCompanion<?> companion : ServiceLoader.load(NodeCompanion.class)) {
        byName.put(companion.nodeClass().getName(), companion);
      }
      return byName;
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
}
