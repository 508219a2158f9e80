package dev.helios.runtime.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Messages as values: their trace digest, their text in the trace and their copy at a fork, for
 * every message class a simulation may carry. Generated companions handle their own handlers'
 * types inline; everything else comes here: strings, boxed primitives, enums, immutable JDK values
 * ({@code Instant}, {@code UUID}, {@code BigDecimal}...), unmodifiable collections of those, and
 * the types some other node's handlers take, found through {@link NodeCompanions}.
 *
 * <p>A message that is none of these (a mutable collection, an array, a class no handler names) is
 * refused when it is sent, with the reason: a message is shared by the queue and by every fork, so
 * it must not change, and its digest must not depend on identity hash codes.
 */
public final class Messages {
  private static final long SEQUENCE = Fingerprints.start("sequence");
  private static final long SET = Fingerprints.start("set");
  private static final long MAP = Fingerprints.start("map");

  /**
   * JDK classes whose instances are immutable and whose {@code toString()} is their value: the
   * processor's list of immutable JDK values, which a processor test checks this one against.
   */
  private static final Set<String> IMMUTABLE_JDK_CLASSES =
      Set.of(
          "java.math.BigDecimal",
          "java.math.BigInteger",
          "java.util.UUID",
          "java.time.Duration",
          "java.time.Instant",
          "java.time.LocalDate",
          "java.time.LocalDateTime",
          "java.time.LocalTime",
          "java.time.MonthDay",
          "java.time.OffsetDateTime",
          "java.time.OffsetTime",
          "java.time.Period",
          "java.time.Year",
          "java.time.YearMonth",
          "java.time.ZonedDateTime",
          "java.time.ZoneOffset");

  private Messages() {}

  // ---- digest ----

  /**
   * The trace digest of a message: strings through their cached {@code hashCode()} (which the
   * language specifies, so the JVM and WebAssembly agree), every other value field by field.
   */
  public static long digest(Object message) {
    if (message instanceof String string) {
      return ((long) string.hashCode() << 32) ^ string.length() ^ 0x5354524eL;
    }
    if (isBoxed(message)) {
      return Fingerprints.mix(2, Fingerprints.ofBoxed(message));
    }
    if (message instanceof Enum<?> constant) {
      return Fingerprints.mix(3, Fingerprints.ofString(constant.name()));
    }
    return valueDigest(message, "the message");
  }

  /**
   * The digest of a value inside a message, the same as the generated fingerprint of a field of
   * its type; {@code where} names it in errors.
   */
  public static long valueDigest(Object value, String where) {
    if (value == null) {
      return Fingerprints.NULL;
    }
    if (value instanceof String string) {
      return Fingerprints.ofString(string);
    }
    if (isBoxed(value)) {
      return Fingerprints.ofBoxed(value);
    }
    if (value instanceof Enum<?> constant) {
      return Fingerprints.ofEnum(constant);
    }
    NodeCompanion<?> companion = NodeCompanions.forMessage(value.getClass());
    if (companion != null) {
      return companion.messageDigest(value);
    }
    if (isImmutableJdkValue(value)) {
      return Fingerprints.ofText(value);
    }
    if (value instanceof List<?> list) {
      checkUnmodifiable(list, where);
      long digest = Fingerprints.mix(SEQUENCE, list.size());
      for (Object element : list) {
        digest = Fingerprints.mix(digest, valueDigest(element, "an element of " + where));
      }
      return digest;
    }
    if (value instanceof Set<?> set) {
      checkUnmodifiable(set, where);
      boolean ordered = Fingerprints.isOrdered(set);
      long digest = Fingerprints.mix(SET, set.size());
      long sum = 0;
      for (Object element : set) {
        long elementDigest = valueDigest(element, "an element of " + where);
        digest = Fingerprints.mix(digest, elementDigest);
        sum += Fingerprints.finish(elementDigest);
      }
      return ordered ? digest : Fingerprints.mix(Fingerprints.mix(SET, set.size()), sum);
    }
    if (value instanceof Map<?, ?> map) {
      checkUnmodifiable(map, where);
      boolean ordered = Fingerprints.isOrdered(map);
      long digest = Fingerprints.mix(MAP, map.size());
      long sum = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        long pair = Fingerprints.pair(
            valueDigest(entry.getKey(), "a key of " + where), valueDigest(entry.getValue(), "a value of " + where));
        digest = Fingerprints.mix(digest, pair);
        sum += pair;
      }
      return ordered ? digest : Fingerprints.mix(Fingerprints.mix(MAP, map.size()), sum);
    }
    throw notAValue(value, where);
  }

  /**
   * Checks that a collection inside a message cannot change: messages are shared by the queue and
   * every fork, so a list the sender (or a receiver) could still change would differ between them.
   */
  public static void checkUnmodifiable(Object collection, String where) {
    if (collection != null && !Unmodifiable.is(collection)) {
      String copyOf = collection instanceof Map<?, ?> ? "Map" : collection instanceof Set<?> ? "Set" : "List";
      throw new IllegalArgumentException(
          where + " is a " + collection.getClass().getName() + ", which can still change after it is sent;"
              + " messages are immutable values, shared by the network and by every fork: send "
              + copyOf + ".copyOf(...) or " + copyOf + ".of(...)");
    }
  }

  // ---- text ----

  /** The text of a message in the trace: strings quoted, values field by field. */
  public static String text(Object message) {
    StringBuilder out = new StringBuilder();
    text(message, out);
    return out.toString();
  }

  /** Appends the text of {@code value}, a message or a part of one. */
  public static void text(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String string) {
      Json.string(out, string);
    } else if (value instanceof Character character) {
      Json.character(out, character);
    } else if (isBoxed(value)) {
      out.append(value);
    } else if (value instanceof Enum<?> constant) {
      out.append(constant.name());
    } else if (textByCompanion(value, out)) {
      return;
    } else if (isImmutableJdkValue(value)) {
      out.append(value);
    } else if (value instanceof Collection<?> elements) {
      List<String> texts = new ArrayList<>(elements.size());
      for (Object element : elements) {
        texts.add(text(element));
      }
      join(texts, !Json.isOrdered(elements), '[', ']', out);
    } else if (value instanceof Map<?, ?> map) {
      List<String> texts = new ArrayList<>(map.size());
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        texts.add(text(entry.getKey()) + "=" + text(entry.getValue()));
      }
      join(texts, !Json.isOrdered(map), '{', '}', out);
    } else {
      throw notAValue(value, "the message");
    }
  }

  private static boolean textByCompanion(Object value, StringBuilder out) {
    NodeCompanion<?> companion = NodeCompanions.forMessage(value.getClass());
    return companion != null && companion.messageText(value, out);
  }

  /** Appends texts between brackets, comma separated; sorted when the collection has no order. */
  private static void join(List<String> texts, boolean sort, char open, char close, StringBuilder out) {
    if (sort) {
      Collections.sort(texts);
    }
    out.append(open);
    for (int i = 0; i < texts.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(texts.get(i));
    }
    out.append(close);
  }

  // ---- copy at a fork ----

  /** True if a fork must copy messages in flight, because some message type is {@code @Copyable}. */
  public static boolean anyCopyable() {
    return NodeCompanions.anyCopyableMessage();
  }

  /** The message as a fork holds it: a copy if it is {@code @Copyable}, itself otherwise. */
  public static Object copy(Object message, Copier copier) {
    if (message == null || message instanceof String || isBoxed(message) || message instanceof Enum<?>) {
      return message;
    }
    NodeCompanion<?> companion = NodeCompanions.forMessage(message.getClass());
    return companion == null ? message : companion.copyMessage(message, copier);
  }

  // ---- kinds of values ----

  private static boolean isBoxed(Object value) {
    return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
        || value instanceof Double || value instanceof Float || value instanceof Character
        || value instanceof Boolean;
  }

  private static boolean isImmutableJdkValue(Object value) {
    return IMMUTABLE_JDK_CLASSES.contains(value.getClass().getName());
  }

  private static IllegalArgumentException notAValue(Object value, String where) {
    String type = value.getClass().getName();
    String why =
        value.getClass().isArray()
            ? "an array, which can change after it is sent; send a record, or List.of(...) of its elements"
            : Unmodifiable.isKnownModifiable(value)
                ? "a mutable collection, which can change after it is sent; send List.copyOf, Set.copyOf or"
                    + " Map.copyOf of it"
                : "not a type Helios knows by value: messages are strings, boxed primitives, enums, records and"
                    + " final classes of immutable values, unmodifiable collections of those, or @Copyable"
                    + " classes, and a record or class is known by value when some @OnMessage handler takes it,"
                    + " a sealed type or an interface (compiled with the node) that it implements, or a message"
                    + " that holds it";
    return new IllegalArgumentException(where + " is a " + type + ": " + why);
  }
}
