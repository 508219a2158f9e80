package dev.helios.runtime;

import dev.helios.runtime.internal.Json;

/**
 * The text of a message in the trace. Its digest comes from the receiving node's companion
 * ({@code NodeCompanion.messageDigest}), which knows the node's message types.
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
}
