package dev.helios.runtime.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The JSON text that generated describe methods and trace exports write. */
public final class Json {
  private Json() {}

  /** Appends {@code value} as a JSON string literal, or {@code null}. */
  public static void string(StringBuilder out, String value) {
    if (value == null) {
      out.append("null");
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00");
            out.append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** {@code value} as a JSON string literal. */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2);
    string(out, value);
    return out.toString();
  }

  public static void number(StringBuilder out, long value) {
    out.append(value);
  }

  /** Appends a double; non-finite values, which JSON lacks, become strings. */
  public static void number(StringBuilder out, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      string(out, Double.toString(value));
    } else {
      out.append(value);
    }
  }

  public static void bool(StringBuilder out, boolean value) {
    out.append(value);
  }

  public static void character(StringBuilder out, char value) {
    string(out, String.valueOf(value));
  }

  /** Appends a boxed primitive, or {@code null}. */
  public static void boxed(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Double d) {
      number(out, d);
    } else if (value instanceof Float f) {
      number(out, f.doubleValue());
    } else if (value instanceof Character c) {
      character(out, c);
    } else {
      out.append(value);
    }
  }

  /** Appends an immutable JDK value (Instant, UUID, BigDecimal...) as the JSON string of its text, or null. */
  public static void text(StringBuilder out, Object value) {
    string(out, value == null ? null : value.toString());
  }

  public static void enumConstant(StringBuilder out, Enum<?> value) {
    string(out, value == null ? null : value.name());
  }

  /** True if iterating {@code collection} (a Collection or Map) gives a meaningful order. */
  public static boolean isOrdered(Object collection) {
    return Fingerprints.isOrdered(collection);
  }

  /**
   * Elements gathered for a JSON array. Unordered collections (hash sets) are written sorted by
   * their text, so the output never depends on hash order.
   */
  public static final class Elements {
    private final boolean ordered;
    private final List<StringBuilder> items = new ArrayList<>();

    public Elements(boolean ordered) {
      this.ordered = ordered;
    }

    /** A buffer for the next element's JSON text. */
    public StringBuilder next() {
      StringBuilder item = new StringBuilder();
      items.add(item);
      return item;
    }

    public void writeArray(StringBuilder out) {
      List<String> texts = texts(items, ordered);
      out.append('[');
      for (int i = 0; i < texts.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(texts.get(i));
      }
      out.append(']');
    }
  }

  /**
   * Entries gathered for a JSON object; keys that are not JSON strings are quoted. Entries of
   * unordered maps (hash maps) are written sorted by key text.
   */
  public static final class Members {
    private final boolean ordered;
    private final List<StringBuilder> keys = new ArrayList<>();
    private final List<StringBuilder> values = new ArrayList<>();

    public Members(boolean ordered) {
      this.ordered = ordered;
    }

    public StringBuilder key() {
      StringBuilder key = new StringBuilder();
      keys.add(key);
      return key;
    }

    public StringBuilder value() {
      StringBuilder value = new StringBuilder();
      values.add(value);
      return value;
    }

    public void writeObject(StringBuilder out) {
      List<StringBuilder> entries = new ArrayList<>(keys.size());
      for (int i = 0; i < keys.size(); i++) {
        String key = keys.get(i).toString();
        StringBuilder entry = new StringBuilder();
        if (key.startsWith("\"")) {
          entry.append(key);
        } else {
          string(entry, key);
        }
        entry.append(':').append(values.get(i));
        entries.add(entry);
      }
      List<String> texts = texts(entries, ordered);
      out.append('{');
      for (int i = 0; i < texts.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append(texts.get(i));
      }
      out.append('}');
    }
  }

  private static List<String> texts(List<StringBuilder> items, boolean ordered) {
    List<String> texts = new ArrayList<>(items.size());
    for (StringBuilder item : items) {
      texts.add(item.toString());
    }
    if (!ordered) {
      Collections.sort(texts);
    }
    return texts;
  }
}
