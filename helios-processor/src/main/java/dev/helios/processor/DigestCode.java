package dev.helios.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;

/**
 * The generated 64-bit digests: of state (fingerprints) and of messages (trace digests). Values are
 * mixed part by part in source order; sets and maps add up their elements' digests so that order
 * cannot matter. Never {@code hashCode()}, which differs between the JVM and WebAssembly for records
 * and between processes for enums and objects.
 *
 * <p>A message's digest is its value's fingerprint, and a message also checks, as it is digested
 * when sent, that every collection in it is unmodifiable: the runtime's {@code Messages} computes
 * the same digest for the same value, so a message has one digest whichever node receives it.
 */
final class DigestCode {
  private static final String INTERNAL = "dev.helios.runtime.internal";
  static final ClassName FINGERPRINTS = ClassName.get(INTERNAL, "Fingerprints");
  static final ClassName MESSAGES = ClassName.get(INTERNAL, "Messages");
  private static final ClassName MAP_ENTRY = ClassName.get("java.util", "Map", "Entry");

  /** What is digested: node state (fingerprint helpers) or a message (digest helpers, with checks). */
  enum Mode {
    STATE("fingerprint"),
    MESSAGE("digest");

    final String purpose;

    Mode(String purpose) {
      this.purpose = purpose;
    }
  }

  private final GeneratedHelpers helpers;

  DigestCode(GeneratedHelpers helpers) {
    this.helpers = helpers;
  }

  /**
   * An expression for the digest of {@code value}. In {@link Mode#MESSAGE}, {@code where} (an
   * expression) names the value in the error when a collection in it can still change.
   */
  CodeBlock digest(Shape shape, CodeBlock value, Mode mode, CodeBlock where) {
    if (shape instanceof Shape.Leaf leaf) {
      String method = switch (leaf.kind()) {
        case INTEGRAL, CHAR -> "ofLong";
        case BOOLEAN -> "ofBoolean";
        case FLOAT -> "ofFloat";
        case DOUBLE -> "ofDouble";
        case STRING -> "ofString";
        case BOXED -> "ofBoxed";
        case ENUM -> "ofEnum";
        case TEXT -> "ofText";
      };
      return CodeBlock.of("$T.$N($L)", FINGERPRINTS, method, value);
    }
    if (shape instanceof Shape.Copyable copyable) {
      return CodeBlock.of("$T.fingerprintOf($L)", copyable.companion(), value);
    }
    String helper = helper(shape, mode);
    return checksCollections(shape, mode)
        ? CodeBlock.of("$N($L, $L)", helper, value, where)
        : CodeBlock.of("$N($L)", helper, value);
  }

  /** True if the message helper for {@code shape} takes a {@code where}: it checks a collection. */
  private static boolean checksCollections(Shape shape, Mode mode) {
    return mode == Mode.MESSAGE && (shape instanceof Shape.Elements || shape instanceof Shape.Entries);
  }

  private String helper(Shape shape, Mode mode) {
    return helpers.named(mode.purpose, shape.type(), name -> writeHelper(name, shape, mode));
  }

  private MethodSpec writeHelper(String name, Shape shape, Mode mode) {
    MethodSpec.Builder method =
        GeneratedHelpers.method(name).returns(long.class).addParameter(shape.type(), "source");
    CodeBlock where = CodeBlock.of("where");
    if (checksCollections(shape, mode)) {
      method.addParameter(String.class, "where");
    }
    method.beginControlFlow("if (source == null)").addStatement("return $T.NULL", FINGERPRINTS).endControlFlow();
    if (shape instanceof Shape.Value value) {
      method.addStatement("long digest = $N", helpers.tag(value.tag()));
      for (Shape.Part part : value.parts()) {
        CodeBlock partWhere = CodeBlock.of("$S", value.type().simpleName() + "." + part.name());
        method.addStatement(
            "digest = $T.mix(digest, $L)",
            FINGERPRINTS,
            digest(part.shape(), CodeBlock.of("source.$L", part.access()), mode, partWhere));
      }
      method.addStatement("return digest");
    } else if (shape instanceof Shape.Sealed sealed) {
      GeneratedHelpers.forEachPermitted(method, sealed, permitted -> CodeBlock.builder()
          .addStatement("return $L", digest(permitted, CodeBlock.of("(($T) source)", permitted.type()), mode, where))
          .build());
    } else if (shape instanceof Shape.Array array) {
      method.addStatement("long digest = $T.mix($N, source.length)", FINGERPRINTS, helpers.tag("array"));
      sequence(method, array.component(), mode);
    } else if (shape instanceof Shape.Elements elements && elements.kind().family != Shape.Family.SET) {
      checkUnmodifiable(method, mode);
      method.addStatement("long digest = $T.mix($N, source.size())", FINGERPRINTS, helpers.tag("sequence"));
      sequence(method, elements.element(), mode);
    } else if (shape instanceof Shape.Elements elements) {
      checkUnmodifiable(method, mode);
      CodeBlock element = digest(elements.element(), CodeBlock.of("element"), mode, where);
      orderedOrSummed(method, elements.element().type(), "element", CodeBlock.of("source"), element,
          CodeBlock.of("$T.finish($L)", FINGERPRINTS, element), "set");
    } else if (shape instanceof Shape.Entries entries) {
      checkUnmodifiable(method, mode);
      CodeBlock pair = CodeBlock.of(
          "$T.pair($L, $L)",
          FINGERPRINTS,
          digest(entries.key(), CodeBlock.of("entry.getKey()"), mode, where),
          digest(entries.value(), CodeBlock.of("entry.getValue()"), mode, where));
      orderedOrSummed(method, entryType(entries), "entry", CodeBlock.of("source.entrySet()"), pair, pair, "map");
    } else {
      throw new IllegalStateException("no " + mode.purpose + " helper for " + shape);
    }
    return method.build();
  }

  /**
   * A set's or map's digest: its elements mixed in order when its order is part of its state (a
   * linked, sorted or enum collection), added up otherwise, so that hash order cannot matter.
   */
  private void orderedOrSummed(
      MethodSpec.Builder method,
      TypeName elementType,
      String variable,
      CodeBlock elements,
      CodeBlock inOrder,
      CodeBlock summed,
      String tag) {
    method.addStatement("long digest = $T.mix($N, source.size())", FINGERPRINTS, helpers.tag(tag));
    method.beginControlFlow("if ($T.isOrdered(source))", FINGERPRINTS)
        .beginControlFlow("for ($T $N : $L)", elementType, variable, elements)
        .addStatement("digest = $T.mix(digest, $L)", FINGERPRINTS, inOrder)
        .endControlFlow()
        .addStatement("return digest")
        .endControlFlow();
    method.addStatement("long sum = 0");
    method.beginControlFlow("for ($T $N : $L)", elementType, variable, elements)
        .addStatement("sum += $L", summed)
        .endControlFlow();
    method.addStatement("return $T.mix(digest, sum)", FINGERPRINTS);
  }

  private void sequence(MethodSpec.Builder method, Shape element, Mode mode) {
    method.beginControlFlow("for ($T element : source)", element.type())
        .addStatement(
            "digest = $T.mix(digest, $L)", FINGERPRINTS, digest(element, CodeBlock.of("element"), mode, CodeBlock.of("where")))
        .endControlFlow();
    method.addStatement("return digest");
  }

  private static void checkUnmodifiable(MethodSpec.Builder method, Mode mode) {
    if (mode == Mode.MESSAGE) {
      method.addStatement("$T.checkUnmodifiable(source, where)", MESSAGES);
    }
  }

  static TypeName entryType(Shape.Entries entries) {
    return ParameterizedTypeName.get(MAP_ENTRY, boxed(entries.key().type()), boxed(entries.value().type()));
  }

  private static TypeName boxed(TypeName type) {
    return type.isPrimitive() ? type.box() : type;
  }
}
