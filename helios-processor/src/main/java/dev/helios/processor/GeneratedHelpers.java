package dev.helios.processor;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * The private helpers of one companion: a method per purpose and type ({@code copyListOfLedger},
 * {@code fingerprintEntry}) and a constant per digest tag ({@code TAG_test_Store}). Names come
 * from what they serve, so adding a field to a node adds helpers without renaming the others, and
 * a diff of generated code shows only what changed. Helpers appear in the file in the order they
 * were first needed.
 */
final class GeneratedHelpers {
  private static final ClassName FINGERPRINTS = ClassName.get("dev.helios.runtime.internal", "Fingerprints");

  /** Helper names by purpose and type, in the order first needed. */
  private final Map<String, String> namesByKey = new LinkedHashMap<>();
  /** Helper bodies by name, in the order the names were reserved; null while being written. */
  private final Map<String, MethodSpec> methods = new LinkedHashMap<>();
  private final Map<String, FieldSpec> tags = new LinkedHashMap<>();
  private final TreeSet<String> usedNames = new TreeSet<>();

  /**
   * The name of the helper for {@code purpose} and {@code type}, written by {@code write} the first
   * time it is asked for. The name is reserved before the body is written, so a helper whose body
   * needs itself (through nested shapes) finds it.
   */
  String named(String purpose, TypeName type, Function<String, MethodSpec> write) {
    String key = purpose + ":" + type;
    String existing = namesByKey.get(key);
    if (existing != null) {
      return existing;
    }
    String name = unique(purpose + nameOf(type));
    namesByKey.put(key, name);
    methods.put(name, null);
    methods.put(name, write.apply(name));
    return name;
  }

  /**
   * Adds, for each permitted subtype {@code P} of {@code sealed}, {@code if (source instanceof P)
   * { body(P) }}, where the body returns; then a throw for a class the sealed type does not permit.
   */
  static void forEachPermitted(MethodSpec.Builder method, Shape.Sealed sealed, Function<Shape, CodeBlock> body) {
    for (Shape permitted : sealed.permitted()) {
      method.beginControlFlow("if (source instanceof $T)", permitted.type()).addCode(body.apply(permitted)).endControlFlow();
    }
    method.addStatement(
        "throw new $T($S + source.getClass().getName())",
        IllegalStateException.class,
        "not a permitted subtype of " + sealed.type() + ": ");
  }

  /** A private static method builder for a helper. */
  static MethodSpec.Builder method(String name) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC);
  }

  /**
   * The name of a constant holding {@code Fingerprints.start(text)}, computed once when the
   * companion loads rather than on every digest (message digests run twice per event).
   */
  String tag(String text) {
    FieldSpec existing = tags.get(text);
    if (existing != null) {
      return existing.name();
    }
    String name = unique("TAG_" + text.replaceAll("[^A-Za-z0-9]", "_"));
    tags.put(
        text,
        FieldSpec.builder(long.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.start($S)", FINGERPRINTS, text)
            .build());
    return name;
  }

  /** Adds the tag constants and the helpers to {@code companion}. */
  void addTo(TypeSpec.Builder companion) {
    tags.values().forEach(companion::addField);
    for (Map.Entry<String, MethodSpec> method : methods.entrySet()) {
      if (method.getValue() == null) {
        throw new IllegalStateException("helper " + method.getKey() + " was reserved but never written");
      }
      companion.addMethod(method.getValue());
    }
  }

  private String unique(String name) {
    String candidate = name;
    for (int suffix = 2; !usedNames.add(candidate); suffix++) {
      candidate = name + suffix;
    }
    return candidate;
  }

  /** A name for a type, usable inside an identifier: {@code Map<String, List<Long>>} is {@code MapOfStringAndListOfLong}. */
  static String nameOf(TypeName type) {
    if (type instanceof ParameterizedTypeName parameterized) {
      List<String> arguments = parameterized.typeArguments().stream().map(GeneratedHelpers::nameOf).collect(Collectors.toList());
      return nameOf(parameterized.rawType()) + "Of" + String.join("And", arguments);
    }
    if (type instanceof ArrayTypeName array) {
      return nameOf(array.componentType()) + "Array";
    }
    if (type instanceof ClassName className) {
      return String.join("", className.simpleNames());
    }
    String keyword = type.toString();
    return Character.toUpperCase(keyword.charAt(0)) + keyword.substring(1);
  }
}
