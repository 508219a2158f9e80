package dev.helios.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * How a value of one declared type is copied, fingerprinted and described. Resolved once per
 * field or message type by {@link ShapeResolver}; the writers only read shapes.
 */
sealed interface Shape {
  /** The Java type of the value, as written in generated code. */
  TypeName type();

  /** True if values of this shape never change, so copies share them. */
  boolean immutable();

  /**
   * A primitive, String, boxed primitive, enum or immutable JDK value: immutable and described by
   * itself.
   */
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
    ENUM,
    /** An immutable JDK value (Instant, UUID, BigDecimal...) known by its toString(). */
    TEXT
  }

  /**
   * A record, or a final class whose fields are all final: its parts are read through accessors
   * (records) or fields. A record with mutable components is copied through its canonical
   * constructor; a final value class must be immutable.
   */
  record Value(ClassName type, String tag, boolean isRecord, List<Part> parts) implements Shape {
    @Override
    public boolean immutable() {
      return parts.stream().allMatch(part -> part.shape().immutable());
    }
  }

  /** One component of a {@link Value}: its name, how generated code reads it, its shape. */
  record Part(String name, String access, Shape shape) {}

  /**
   * A sealed type: a value of it is one of the permitted subtypes, each an immutable value, a
   * {@code @Copyable} class or another sealed type. Copied, digested and described by its runtime
   * class.
   */
  record Sealed(TypeName type, List<Shape> permitted) implements Shape {
    @Override
    public boolean immutable() {
      return permitted.stream().allMatch(Shape::immutable);
    }
  }

  /** A final class annotated {@code @Copyable}: its companion copies it. */
  record Copyable(ClassName type, ClassName companion) implements Shape {
    @Override
    public boolean immutable() {
      return false;
    }
  }

  /** A list, queue or set: copied as its runtime class, elements copied one by one when mutable. */
  record Elements(CollectionKind kind, TypeName type, Shape element) implements Shape {
    @Override
    public boolean immutable() {
      return false;
    }
  }

  /** A map: copied as its runtime class, values copied one by one when mutable. */
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

  /** The four kinds of collection the runtime copies: {@code Copies.list}, {@code queue}, {@code set}, {@code map}. */
  enum Family {
    LIST,
    QUEUE,
    SET,
    MAP
  }

  /**
   * The collection types state and messages may declare, by qualified name. The runtime copies a
   * collection by its runtime class, so an interface type is as good as a class here. Messages may
   * declare only the interfaces that unmodifiable collections implement.
   */
  enum CollectionKind {
    LIST("java.util.List", Family.LIST, true),
    ARRAY_LIST("java.util.ArrayList", Family.LIST, false),
    LINKED_LIST("java.util.LinkedList", Family.LIST, false),
    QUEUE("java.util.Queue", Family.QUEUE, false),
    DEQUE("java.util.Deque", Family.QUEUE, false),
    ARRAY_DEQUE("java.util.ArrayDeque", Family.QUEUE, false),
    SET("java.util.Set", Family.SET, true),
    SORTED_SET("java.util.SortedSet", Family.SET, true),
    NAVIGABLE_SET("java.util.NavigableSet", Family.SET, true),
    HASH_SET("java.util.HashSet", Family.SET, false),
    LINKED_HASH_SET("java.util.LinkedHashSet", Family.SET, false),
    TREE_SET("java.util.TreeSet", Family.SET, false),
    ENUM_SET("java.util.EnumSet", Family.SET, false),
    MAP("java.util.Map", Family.MAP, true),
    SORTED_MAP("java.util.SortedMap", Family.MAP, true),
    NAVIGABLE_MAP("java.util.NavigableMap", Family.MAP, true),
    HASH_MAP("java.util.HashMap", Family.MAP, false),
    LINKED_HASH_MAP("java.util.LinkedHashMap", Family.MAP, false),
    TREE_MAP("java.util.TreeMap", Family.MAP, false),
    ENUM_MAP("java.util.EnumMap", Family.MAP, false);

    final String qualifiedName;
    final Family family;
    /** True for the interfaces that unmodifiable collections implement, which messages may use. */
    final boolean unmodifiableForm;

    CollectionKind(String qualifiedName, Family family, boolean unmodifiableForm) {
      this.qualifiedName = qualifiedName;
      this.family = family;
      this.unmodifiableForm = unmodifiableForm;
    }

    /** True if the declared type is the family's own interface, which the runtime's copy returns. */
    boolean isFamilyInterface() {
      return this == LIST || this == SET || this == MAP;
    }

    /** The names of every supported collection type, for error messages. */
    static String supportedNames() {
      StringBuilder names = new StringBuilder();
      for (CollectionKind kind : values()) {
        names.append(names.length() == 0 ? "" : ", ").append(kind.qualifiedName.substring("java.util.".length()));
      }
      return names.toString();
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
