package dev.helios.runtime.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Helpers for generated deep copies. */
public final class Copies {
  private Copies() {}

  /** An empty map of the same kind as {@code source} (sorted with its comparator, linked, hash). */
  public static <K, V> Map<K, V> emptyMapLike(Map<K, V> source) {
    if (source instanceof SortedMap<K, V> sorted) {
      return new TreeMap<>(sorted.comparator());
    }
    if (source instanceof LinkedHashMap<?, ?>) {
      return new LinkedHashMap<>();
    }
    return new HashMap<>();
  }

  /** An empty set of the same kind as {@code source} (sorted with its comparator, linked, hash). */
  public static <E> Set<E> emptySetLike(Set<E> source) {
    if (source instanceof SortedSet<E> sorted) {
      return new TreeSet<>(sorted.comparator());
    }
    if (source instanceof LinkedHashSet<?>) {
      return new LinkedHashSet<>();
    }
    return new HashSet<>();
  }

  /**
   * Checks that a final field the copy cannot assign came out of the node's factory with the
   * source's value; a copy that silently differed would make forks diverge.
   */
  public static void checkFinalField(Object source, Object fresh, String field) {
    if (!Objects.equals(source, fresh)) {
      throw new IllegalStateException(
          "cannot copy final field " + field + ": the source holds " + source
              + " but a fresh instance holds " + fresh
              + "; make the field non-final, or set it the same way in every instance");
    }
  }

  /** Checks that a final array field has the source's length before its elements are copied in. */
  public static void checkFinalArrayLength(int sourceLength, int freshLength, String field) {
    if (sourceLength != freshLength) {
      throw new IllegalStateException(
          "cannot copy final array field " + field + ": the source has length " + sourceLength
              + " but a fresh instance has length " + freshLength + "; make the field non-final");
    }
  }

  /** Checks that a final field is null in both or in neither. */
  public static void checkFinalNullness(Object source, Object fresh, String field) {
    if ((source == null) != (fresh == null)) {
      throw new IllegalStateException(
          "cannot copy final field " + field + ": it is " + (source == null ? "" : "not ")
              + "null in the source but " + (fresh == null ? "" : "not ")
              + "null in a fresh instance; make the field non-final");
    }
  }
}
