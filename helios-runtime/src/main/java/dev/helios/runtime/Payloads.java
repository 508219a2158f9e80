package dev.helios.runtime;

import dev.helios.runtime.internal.Fingerprints;
import dev.helios.runtime.internal.Json;

/**
 * The canonical form of a message in the trace: its text for reading, and a digest of its type
 * and value that the common payloads (strings, boxed primitives, enums) compute without
 * allocating. Never uses {@code hashCode()}.
 */
final class Payloads {
  private Payloads() {}

  /** The text of a payload: strings and characters quoted, other values as they print. */
  static String text(Object payload) {
    if (payload == null) {
      return "null";
    }
    if (payload instanceof String string) {
      return Json.quote(string);
    }
    if (payload instanceof Character character) {
      return Json.quote(String.valueOf(character));
    }
    if (payload instanceof Enum<?> constant) {
      return constant.name();
    }
    return payload.toString();
  }

  /** A digest of the payload's type and value (never an identity or record hash code). */
  static long digest(Object payload) {
    if (payload == null) {
      return Fingerprints.NULL;
    }
    if (payload instanceof String string) {
      // String.hashCode is specified by the language (and cached), the same on the JVM and TeaVM.
      return ((long) string.hashCode() << 32) ^ string.length() ^ 0x5354524eL;
    }
    if (payload instanceof Integer || payload instanceof Long || payload instanceof Short
        || payload instanceof Byte || payload instanceof Character || payload instanceof Boolean
        || payload instanceof Double || payload instanceof Float) {
      return Fingerprints.mix(2, Fingerprints.ofBoxed(payload));
    }
    if (payload instanceof Enum<?> constant) {
      return Fingerprints.mix(3, Fingerprints.ofString(constant.name()));
    }
    return Fingerprints.mix(4, Fingerprints.ofString(payload.toString()));
  }
}
