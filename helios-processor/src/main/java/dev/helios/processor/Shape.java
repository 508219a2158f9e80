package dev.helios.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * How a value of one declared type is copied, fingerprinted and described. Resolved once per
 * field by {@link ShapeResolver}; the {@link CompanionWriter} only reads shapes.
 */
sealed interface Shape {
  /** The Java type of the value, as written in generated code. */
  TypeName type();

  /** True if values of this shape never change, so copies share them. */
  boolean immutable();

  /** A primitive, String, boxed primitive or enum: immutable and described by itself. */
  record Leaf(LeafKind kind, TypeName type) implements Shape {
    @Override
    public boolean immutable() {
      return true;
    }
  }

  enum LeafKind {
    INTEGRAL, // byte, short, int, long
    CHAR,
    BOOLEAN,
    FLOAT,
    DOUBLE,
    STRING,
    BOXED,
    ENUM
  }

  /**
   * A record, or a final class whose fields are all final: its parts are read through accessors
   * (records) or fields. A record with mutable components is copied through its canonical
   * constructor; a final value class must be immutable.
   */
  record Value(TypeName type, String tag, boolean isRecord, List<Part> parts) implements Shape {
    @Override
    public boolean immutable() {
      return parts.stream().allMatch(part -> part.shape().immutable());
    }
  }

  /** One component of a {@link Value}: its name, how generated code reads it, its shape. */
  record Part(String name, String access, Shape shape) {}

  /** A sealed type whose permitted subtypes are all immutable values. */
  record Sealed(TypeName type, List<Shape> permitted) implements Shape {
    @Override
    public boolean immutable() {
      return true;
    }
  }

  /** A class annotated {@code @Copyable}: its companion copies it. */
  record Copyable(ClassName type, ClassName companion) implements Shape {
    @Override
    public boolean immutable() {
      return false;
    }
  }

  /** A list, deque or set: elements copied one by one into a collection of the same kind. */
  record Elements(CollectionKind kind, TypeName type, Shape element) implements Shape {
    @Override
    public boolean immutable() {
      return false;
    }
  }

  /** A map: keys and values copied one by one into a map of the same kind. */
  record Entries(CollectionKind kind, TypeName type, Shape key, Shape value) implements Shape {
    @Override
    public boolean immutable() {
      return false;
    }
  }

  /** An array; primitive arrays are cloned. */
  record Array(TypeName type, Shape component) implements Shape {
    @Override
    public boolean immutable() {
      return false;
    }
  }

  /** The collection types a node's state may use, by the declared type's qualified name. */
  enum CollectionKind {
    LIST("java.util.List", true, false),
    ARRAY_LIST("java.util.ArrayList", true, false),
    ARRAY_DEQUE("java.util.ArrayDeque", true, false),
    SET("java.util.Set", false, false),
    HASH_SET("java.util.HashSet", false, false),
    LINKED_HASH_SET("java.util.LinkedHashSet", false, false),
    TREE_SET("java.util.TreeSet", false, false),
    MAP("java.util.Map", false, true),
    HASH_MAP("java.util.HashMap", false, true),
    LINKED_HASH_MAP("java.util.LinkedHashMap", false, true),
    TREE_MAP("java.util.TreeMap", false, true);

    final String qualifiedName;
    final boolean sequence;
    final boolean map;

    CollectionKind(String qualifiedName, boolean sequence, boolean map) {
      this.qualifiedName = qualifiedName;
      this.sequence = sequence;
      this.map = map;
    }

    static CollectionKind forName(String qualifiedName) {
      for (CollectionKind kind : values()) {
        if (kind.qualifiedName.equals(qualifiedName)) {
          return kind;
        }
      }
      return null;
    }
  }
}
