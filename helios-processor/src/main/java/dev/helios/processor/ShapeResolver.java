package dev.helios.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Decides how a field's declared type is copied: shared when immutable, deep-copied when it is a
 * supported collection, an array or a {@code @Copyable} class, and otherwise rejected with the
 * reason.
 */
final class ShapeResolver {
  private static final String COPYABLE = "dev.helios.annotations.Copyable";

  /** A resolved shape, or why there is none. */
  record Result(Shape shape, String problem) {
    static Result of(Shape shape) {
      return new Result(shape, null);
    }

    static Result problem(String problem) {
      return new Result(null, problem);
    }

    boolean ok() {
      return shape != null;
    }
  }

  private final Types types;
  private final Elements elements;
  private final PackageElement fromPackage;
  private final Set<String> resolving = new LinkedHashSet<>();

  ShapeResolver(Types types, Elements elements, PackageElement fromPackage) {
    this.types = types;
    this.elements = elements;
    this.fromPackage = fromPackage;
  }

  Result resolve(TypeMirror type) {
    switch (type.getKind()) {
      case BYTE, SHORT, INT, LONG:
        return Result.of(new Shape.Leaf(Shape.LeafKind.INTEGRAL, TypeName.get(type)));
      case CHAR:
        return Result.of(new Shape.Leaf(Shape.LeafKind.CHAR, TypeName.get(type)));
      case BOOLEAN:
        return Result.of(new Shape.Leaf(Shape.LeafKind.BOOLEAN, TypeName.get(type)));
      case FLOAT:
        return Result.of(new Shape.Leaf(Shape.LeafKind.FLOAT, TypeName.get(type)));
      case DOUBLE:
        return Result.of(new Shape.Leaf(Shape.LeafKind.DOUBLE, TypeName.get(type)));
      case ARRAY:
        Result component = resolve(((ArrayType) type).getComponentType());
        if (!component.ok()) {
          return Result.problem("its elements cannot be copied: " + component.problem());
        }
        return Result.of(new Shape.Array(TypeName.get(type), component.shape()));
      case DECLARED:
        return resolveDeclared((DeclaredType) type);
      case TYPEVAR:
        return Result.problem("type variable " + type + " could be anything");
      case WILDCARD:
        return Result.problem("wildcard " + type + " could be anything; name the type");
      default:
        return Result.problem(type + " is not a value type");
    }
  }

  private Result resolveDeclared(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    if (name.equals("java.lang.String")) {
      return Result.of(new Shape.Leaf(Shape.LeafKind.STRING, TypeName.get(type)));
    }
    if (isBoxed(name)) {
      return Result.of(new Shape.Leaf(Shape.LeafKind.BOXED, TypeName.get(type)));
    }
    if (IMMUTABLE_JDK_VALUES.contains(name)) {
      return Result.of(new Shape.Leaf(Shape.LeafKind.TEXT, TypeName.get(type)));
    }
    if (element.getKind() == ElementKind.ENUM) {
      // An enum whose fields refer to itself is checked once.
      String problem = null;
      if (resolving.add(name)) {
        try {
          problem = mutableEnumProblem(element);
        } finally {
          resolving.remove(name);
        }
      }
      return problem == null ? Result.of(new Shape.Leaf(Shape.LeafKind.ENUM, TypeName.get(type))) : Result.problem(problem);
    }
    Shape.CollectionKind collection = Shape.CollectionKind.forName(name);
    if (collection != null) {
      return resolveCollection(collection, type);
    }
    if (!isReachable(elements, element, fromPackage)) {
      return Result.problem(name + " is not visible from package " + fromPackage.getQualifiedName());
    }
    boolean sealed = element.getModifiers().contains(Modifier.SEALED);
    if (hasAnnotation(element, COPYABLE) && !sealed) {
      if (!element.getModifiers().contains(Modifier.FINAL)) {
        return Result.problem(
            "@Copyable class " + element.getSimpleName() + " is not final, so it may hold a subclass whose fields a "
                + element.getSimpleName() + " copy would lose; make it final, or sealed with @Copyable final"
                + " subclasses");
      }
      ClassName className = ClassName.get(element);
      return Result.of(new Shape.Copyable(className, CompanionNames.companionOf(className)));
    }
    if (!type.getTypeArguments().isEmpty()) {
      return Result.problem(name + " is generic and neither a supported collection nor @Copyable");
    }
    if (!resolving.add(name)) {
      return Result.problem(name + " refers to itself, and recursive values are not supported");
    }
    try {
      if (element.getKind() == ElementKind.RECORD) {
        return resolveRecord(element);
      }
      if (sealed) {
        return resolveSealed(element);
      }
      if (element.getKind() == ElementKind.CLASS) {
        return resolveValueClass(element);
      }
      return Result.problem(
          name + " is an interface that is not sealed, so its implementations are unknown");
    } finally {
      resolving.remove(name);
    }
  }

  private Result resolveCollection(Shape.CollectionKind kind, DeclaredType type) {
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    if (arguments.isEmpty()) {
      return Result.problem("raw " + kind.qualifiedName + " has no element type; add type arguments");
    }
    List<Shape> shapes = new ArrayList<>();
    for (TypeMirror argument : arguments) {
      Result result = resolve(argument);
      if (!result.ok()) {
        return Result.problem("its type argument " + argument + " cannot be copied: " + result.problem());
      }
      shapes.add(result.shape());
    }
    if (!shapes.get(0).immutable()) {
      if (kind.family == Shape.Family.SET) {
        return Result.problem(
            "its elements, of type " + arguments.get(0) + ", are mutable: a set finds its elements by their hash or"
                + " order, which a change breaks, and a copy could not keep them; use immutable values (records)");
      }
      if (kind.family == Shape.Family.MAP) {
        return Result.problem(
            "its keys, of type " + arguments.get(0) + ", are mutable: a map finds its keys by their hash or order,"
                + " which a change breaks, and a copy could not keep them; use immutable values (records) as keys");
      }
    }
    TypeName typeName = TypeName.get(type);
    return Result.of(
        kind.family == Shape.Family.MAP
            ? new Shape.Entries(kind, typeName, shapes.get(0), shapes.get(1))
            : new Shape.Elements(kind, typeName, shapes.get(0)));
  }

  private Result resolveRecord(TypeElement element) {
    List<Shape.Part> parts = new ArrayList<>();
    for (RecordComponentElement component : element.getRecordComponents()) {
      Result result = resolve(component.asType());
      if (!result.ok()) {
        return Result.problem(
            "record " + element.getSimpleName() + "'s component " + component.getSimpleName()
                + " cannot be copied: " + result.problem());
      }
      String accessor = component.getSimpleName() + "()";
      parts.add(new Shape.Part(component.getSimpleName().toString(), accessor, result.shape()));
    }
    return Result.of(new Shape.Value(ClassName.get(element), tagOf(element), true, List.copyOf(parts)));
  }

  private Result resolveValueClass(TypeElement element) {
    String simple = element.getSimpleName().toString();
    if (!element.getModifiers().contains(Modifier.FINAL)) {
      return Result.problem(simple + " is a class that is not final, so a subclass could hold mutable state");
    }
    if (!isObject(element.getSuperclass())) {
      return Result.problem(simple + " extends another class");
    }
    List<Shape.Part> parts = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(element.getEnclosedElements())) {
      if (field.getModifiers().contains(Modifier.STATIC)) {
        continue;
      }
      String fieldName = simple + "." + field.getSimpleName();
      if (!field.getModifiers().contains(Modifier.FINAL)) {
        return Result.problem(
            "its field " + fieldName + " is not final; make " + simple
                + " a record, make its fields final, or annotate it with @Copyable");
      }
      if (!isFieldReachable(field)) {
        return Result.problem(
            "its field " + fieldName + " is not visible to generated code; make " + simple
                + " a record or make the field package-private");
      }
      Result result = resolve(field.asType());
      if (!result.ok()) {
        return Result.problem("its field " + fieldName + " cannot be copied: " + result.problem());
      }
      if (!result.shape().immutable()) {
        return Result.problem(
            "its final field " + fieldName + " is mutable; annotate " + simple + " with @Copyable");
      }
      parts.add(new Shape.Part(field.getSimpleName().toString(), field.getSimpleName().toString(), result.shape()));
    }
    return Result.of(new Shape.Value(ClassName.get(element), tagOf(element), false, List.copyOf(parts)));
  }

  private Result resolveSealed(TypeElement element) {
    List<Shape> permitted = new ArrayList<>();
    for (TypeMirror subtype : element.getPermittedSubclasses()) {
      Result result = resolve(subtype);
      if (!result.ok()) {
        return Result.problem(
            "sealed " + element.getSimpleName() + " permits " + subtype + ", which cannot be copied: "
                + result.problem());
      }
      permitted.add(result.shape());
    }
    return Result.of(new Shape.Sealed(TypeName.get(element.asType()), List.copyOf(permitted)));
  }

  /**
   * Why an enum cannot be shared as an immutable value, or null: its constants are shared by every
   * simulation and fork, so a field that can change is state nobody copies.
   */
  private String mutableEnumProblem(TypeElement element) {
    for (VariableElement field : ElementFilter.fieldsIn(element.getEnclosedElements())) {
      if (field.getModifiers().contains(Modifier.STATIC) || field.getKind() == ElementKind.ENUM_CONSTANT) {
        continue;
      }
      String fieldName = element.getSimpleName() + "." + field.getSimpleName();
      Result result = field.getModifiers().contains(Modifier.FINAL) ? resolve(field.asType()) : null;
      if (result == null || !result.ok() || !result.shape().immutable()) {
        return "enum " + element.getSimpleName() + " has the mutable field " + fieldName + "; enum constants are"
            + " shared by every simulation and fork, so their fields must be final immutable values: keep the"
            + " changing value in the node instead";
      }
    }
    return null;
  }

  private boolean isObject(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals("java.lang.Object");
  }

  /** True if generated code in {@code fromPackage} can name {@code element}. */
  static boolean isReachable(Elements elements, TypeElement element, PackageElement fromPackage) {
    for (Element e = element; e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      Set<Modifier> modifiers = e.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE)) {
        return false;
      }
      if (!modifiers.contains(Modifier.PUBLIC) && !elements.getPackageOf(e).equals(fromPackage)) {
        return false;
      }
    }
    return true;
  }

  private boolean isFieldReachable(VariableElement field) {
    Set<Modifier> modifiers = field.getModifiers();
    if (modifiers.contains(Modifier.PRIVATE)) {
      return false;
    }
    return modifiers.contains(Modifier.PUBLIC) || elements.getPackageOf(field).equals(fromPackage);
  }

  private static String tagOf(TypeElement element) {
    return element.getQualifiedName().toString();
  }

  static boolean hasAnnotation(Element element, String qualifiedName) {
    return element.getAnnotationMirrors().stream()
        .anyMatch(
            mirror ->
                ((TypeElement) mirror.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(qualifiedName));
  }

  /**
   * JDK classes whose instances are immutable values, known by their toString(). The runtime's
   * {@code Messages} keeps the same list (the processor cannot depend on the runtime);
   * ExactCopyTest checks that they agree.
   */
  static final Set<String> IMMUTABLE_JDK_VALUES =
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

  private static boolean isBoxed(String name) {
    return switch (name) {
      case "java.lang.Long", "java.lang.Integer", "java.lang.Short", "java.lang.Byte",
          "java.lang.Character", "java.lang.Boolean", "java.lang.Double", "java.lang.Float" -> true;
      default -> false;
    };
  }

}
