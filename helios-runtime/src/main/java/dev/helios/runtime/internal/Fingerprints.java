package dev.helios.runtime.internal;

import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The 64-bit mixing that generated fingerprints use. Values are mixed field by field in source
 * order; unordered collections add up their elements' digests so that order cannot matter. Never
 * uses {@code hashCode()} of records or objects, which differ between the JVM and WebAssembly.
 */
public final class Fingerprints {
  private Fingerprints() {}

  /** The digest of {@code null}. */
  public static final long NULL = 0x6a09e667f3bcc908L;

  /** The starting value for a digest of a thing named {@code tag} (a class or shape name). */
  public static long start(String tag) {
    return ofString(tag);
  }

  /** Mixes {@code value} into {@code digest}; the order of calls matters. */
  public static long mix(long digest, long value) {
    return finish(digest * 0x9e3779b97f4a7c15L + value + 0x2545f4914f6cdd1dL);
  }

  /** A well-spread 64-bit value from {@code z} (MurmurHash3's fmix64). */
  public static long finish(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  public static long ofLong(long value) {
    return finish(value ^ 0x3c6ef372fe94f82bL);
  }

  public static long ofBoolean(boolean value) {
    return ofLong(value ? 1 : 0);
  }

  public static long ofDouble(double value) {
    return ofLong(Double.doubleToLongBits(value));
  }

  public static long ofFloat(float value) {
    return ofLong(Float.floatToIntBits(value));
  }

  /** The digest of a string's characters (FNV-1a over UTF-16 units, then finished). */
  public static long ofString(String value) {
    if (value == null) {
      return NULL;
    }
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < value.length(); i++) {
      h ^= value.charAt(i);
      h *= 0x100000001b3L;
    }
    return finish(h ^ value.length());
  }

  /** The digest of an enum constant: its name, so reordering constants does not change it. */
  public static long ofEnum(Enum<?> value) {
    return value == null ? NULL : ofString(value.name());
  }

  public static long ofBoxed(Object value) {
    if (value == null) {
      return NULL;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      return ofLong(((Number) value).longValue());
    }
    if (value instanceof Double) {
      return ofDouble((Double) value);
    }
    if (value instanceof Float) {
      return ofFloat((Float) value);
    }
    if (value instanceof Boolean) {
      return ofBoolean((Boolean) value);
    }
    if (value instanceof Character) {
      return ofLong((Character) value);
    }
    throw new IllegalArgumentException("not a boxed primitive: " + value.getClass().getName());
  }

  /**
   * The digest of an immutable JDK value ({@code Instant}, {@code UUID}, {@code BigDecimal}...)
   * through its {@code toString()}, which for these classes is their value and the same everywhere.
   */
  public static long ofText(Object value) {
    return value == null ? NULL : ofString(value.toString());
  }

  /**
   * True if iterating {@code collection} (a Collection or Map) gives an order that is part of its
   * state: lists and deques, sorted and linked sets and maps, EnumSet and EnumMap. Their digests
   * mix elements in that order (a LinkedHashMap filled in another order behaves differently);
   * hash sets and maps, and unmodifiable sets and maps, add their elements' digests up.
   */
  public static boolean isOrdered(Object collection) {
    return collection instanceof List<?>
        || collection instanceof Deque<?>
        || collection instanceof SortedSet<?>
        || collection instanceof SortedMap<?, ?>
        || collection instanceof LinkedHashSet<?>
        || collection instanceof LinkedHashMap<?, ?>
        || collection instanceof EnumSet<?>
        || collection instanceof EnumMap<?, ?>;
  }

  /** The digest of a map entry or pair, for unordered sums. */
  public static long pair(long first, long second) {
    return finish(mix(first, second));
  }
}
