package dev.helios.runtime.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tells unmodifiable collections ({@code List.of}, {@code Set.copyOf}, {@code
 * Collections.unmodifiableMap}, {@code Collections.emptyList()}...) from modifiable ones, by their
 * behaviour rather than their class names, which differ between the JVM and TeaVM.
 *
 * <p>The JDK's own mutable classes are known by type. Any other class is probed once: a list or set
 * is unmodifiable if adding one of its elements (or null, when empty) throws {@link
 * UnsupportedOperationException} and, for a non-empty list, so does setting an element to itself
 * ({@code Arrays.asList} cannot grow but can be set, so it is modifiable); a map, if putting one of
 * its mappings (or null, when empty) throws. A probe that succeeds changes nothing or is undone at
 * once, and it runs only on collections of classes that are not known. The answer is kept per
 * class.
 */
final class Unmodifiable {
  private Unmodifiable() {}

  /**
   * Answers so far, by class. Replaced, never changed, so that simulations on several threads (the
   * explorer runs independent simulations in parallel) read it safely; a lost update only means a
   * class is probed again.
   */
  private static volatile Map<Class<?>, Boolean> byClass = Map.of();

  /** True if {@code collection} (a Collection or Map) cannot be modified through itself. */
  static boolean is(Object collection) {
    if (isKnownModifiable(collection)) {
      return false;
    }
    Class<?> type = collection.getClass();
    Boolean known = byClass.get(type);
    if (known != null) {
      return known;
    }
    boolean unmodifiable = probe(collection);
    Map<Class<?>, Boolean> next = new HashMap<>(byClass);
    next.put(type, unmodifiable);
    byClass = next;
    return unmodifiable;
  }

  /** The JDK's mutable collections, which copies handle by type. */
  static boolean isKnownModifiable(Object collection) {
    return collection instanceof ArrayList<?>
        || collection instanceof LinkedList<?>
        || collection instanceof ArrayDeque<?>
        || collection instanceof HashSet<?>
        || collection instanceof TreeSet<?>
        || collection instanceof EnumSet<?>
        || collection instanceof PriorityQueue<?>
        || collection instanceof HashMap<?, ?>
        || collection instanceof TreeMap<?, ?>
        || collection instanceof EnumMap<?, ?>;
  }

  private static boolean probe(Object collection) {
    if (collection instanceof List<?> list) {
      return probeList(list);
    }
    if (collection instanceof Collection<?> elements) {
      return probeCollection(elements);
    }
    if (collection instanceof Map<?, ?> map) {
      return probeMap(map);
    }
    throw new IllegalArgumentException(collection.getClass().getName() + " is neither a collection nor a map");
  }

  @SuppressWarnings("unchecked")
  private static boolean probeList(List<?> list) {
    List<Object> objects = (List<Object>) list;
    if (!objects.isEmpty()) {
      try {
        objects.set(0, objects.get(0));
        return false;
      } catch (UnsupportedOperationException e) {
        // Cannot be set; check that it cannot grow either.
      }
    }
    return probeCollection(objects);
  }

  /**
   * Adds an element it already holds (no change to a modifiable set or list... apart from a list,
   * which grows: the added element is removed again), or null to an empty one.
   */
  @SuppressWarnings("unchecked")
  private static boolean probeCollection(Collection<?> collection) {
    Collection<Object> objects = (Collection<Object>) collection;
    Object element = objects.isEmpty() ? null : objects.iterator().next();
    boolean added;
    try {
      added = objects.add(element);
    } catch (UnsupportedOperationException e) {
      return true;
    } catch (RuntimeException e) {
      return false; // It refused the element itself, so it checked before it would change: modifiable.
    }
    if (added) {
      if (objects instanceof List<Object> list) {
        list.remove(list.size() - 1);
      } else {
        objects.remove(element);
      }
    }
    return false;
  }

  /** Puts a mapping it already holds (no change to a modifiable map), or null to an empty one. */
  @SuppressWarnings("unchecked")
  private static boolean probeMap(Map<?, ?> map) {
    Map<Object, Object> objects = (Map<Object, Object>) map;
    Map.Entry<Object, Object> first = objects.isEmpty() ? null : objects.entrySet().iterator().next();
    try {
      if (first == null) {
        objects.put(null, null);
      } else {
        objects.put(first.getKey(), first.getValue());
      }
    } catch (UnsupportedOperationException e) {
      return true;
    } catch (RuntimeException e) {
      return false;
    }
    if (first == null) {
      objects.remove(null);
    }
    return false;
  }
}
