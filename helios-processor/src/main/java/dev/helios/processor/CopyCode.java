package dev.helios.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.util.Arrays;

/**
 * The generated deep copy: expressions that copy a value of a {@link Shape} through a {@code
 * Copier} named {@code copier}, and statements that copy a field into a fresh instance. Immutable
 * values are shared; collections go through the runtime's {@code Copies}, which copies them as
 * their own class and order; a helper per other mutable shape does the rest.
 */
final class CopyCode {
  private static final ClassName COPIES = ClassName.get("dev.helios.runtime.internal", "Copies");
  static final ClassName COPIER = ClassName.get("dev.helios.runtime.internal", "Copier");

  private final GeneratedHelpers helpers;

  CopyCode(GeneratedHelpers helpers) {
    this.helpers = helpers;
  }

  /**
   * Statements that copy {@code field} from {@code source} into the fresh {@code target}: assigned
   * when it is not final; when it is, checked (immutable values) or refilled in place.
   */
  CodeBlock copyField(NodeModel.StateField field) {
    CodeBlock source = CodeBlock.of("source.$N", field.name());
    CodeBlock target = CodeBlock.of("target.$N", field.name());
    CodeBlock where = CodeBlock.of("$S", field.owner());
    Shape shape = field.shape();
    CodeBlock.Builder code = CodeBlock.builder();
    if (!field.isFinal()) {
      return code.addStatement("$L = $L", target, copy(shape, source, where)).build();
    }
    if (shape.immutable()) {
      return code.addStatement("$T.checkFinalField($L, $L, $L)", COPIES, source, target, where).build();
    }
    if (shape instanceof Shape.Elements elements) {
      String refill = elements.kind().family == Shape.Family.SET
          ? "refillSet"
          : elements.kind().family == Shape.Family.QUEUE ? "refillQueue" : "refillList";
      if (refill.equals("refillSet")) {
        return code.addStatement("$T.$N($L, $L, copier, $L)", COPIES, refill, source, target, where).build();
      }
      return code.addStatement(
              "$T.$N($L, $L, copier, $L, $L)", COPIES, refill, source, target, elementCopier(elements.element(), where), where)
          .build();
    }
    if (shape instanceof Shape.Entries entries) {
      return code.addStatement(
              "$T.refillMap($L, $L, copier, $L, $L)", COPIES, source, target, valueCopier(entries.value(), where), where)
          .build();
    }
    code.addStatement("$T.checkFinalNullness($L, $L, $L)", COPIES, source, target, where);
    code.beginControlFlow("if ($L != null)", source);
    if (shape instanceof Shape.Copyable copyable) {
      code.addStatement("$T.copyInto($L, $L, copier)", copyable.companion(), source, target);
    } else if (shape instanceof Shape.Array array) {
      code.addStatement("$T.checkFinalArrayLength($L.length, $L.length, $L)", COPIES, source, target, where);
      code.addStatement("$N($L, $L, copier, $L)", fillArrayHelper(array), source, target, where);
    } else {
      throw new IllegalStateException("a final field of shape " + shape + " passed validation");
    }
    return code.endControlFlow().build();
  }

  /** An expression for a copy of {@code value} (which may be null); {@code where} names it in errors. */
  CodeBlock copy(Shape shape, CodeBlock value, CodeBlock where) {
    if (shape.immutable()) {
      return value;
    }
    if (shape instanceof Shape.Copyable copyable) {
      return CodeBlock.of("$T.copyOf($L, copier)", copyable.companion(), value);
    }
    if (shape instanceof Shape.Elements elements && elements.element().immutable()) {
      return collectionCopy(elements.kind(), elements.type(), value, CodeBlock.of("null"), where);
    }
    if (shape instanceof Shape.Entries entries && entries.value().immutable()) {
      return collectionCopy(entries.kind(), entries.type(), value, CodeBlock.of("null"), where);
    }
    return CodeBlock.of("$N($L, copier, $L)", copyHelper(shape), value, where);
  }

  /**
   * A call of {@code Copies.list}, {@code queue}, {@code set} or {@code map}, cast to the declared
   * type where that is a class (the runtime returns a copy of the source's own class).
   */
  private static CodeBlock collectionCopy(
      Shape.CollectionKind kind, TypeName type, CodeBlock value, CodeBlock copier, CodeBlock where) {
    CodeBlock call = switch (kind.family) {
      case LIST -> CodeBlock.of("$T.list($L, copier, $L, $L)", COPIES, value, copier, where);
      case QUEUE -> CodeBlock.of("$T.queue($L, copier, $L, $L)", COPIES, value, copier, where);
      case SET -> CodeBlock.of("$T.set($L, copier, $L)", COPIES, value, where);
      case MAP -> CodeBlock.of("$T.map($L, copier, $L, $L)", COPIES, value, copier, where);
    };
    return kind.isFamilyInterface() || kind.family == Shape.Family.QUEUE ? call : CodeBlock.of("($T) $L", type, call);
  }

  /**
   * The copier of a collection's elements: null when they are shared, else a lambda whose body is
   * one call (a helper's, or a collection copy with shared elements), so lambdas never nest.
   */
  private CodeBlock elementCopier(Shape element, CodeBlock where) {
    return element.immutable()
        ? CodeBlock.of("null")
        : CodeBlock.of("element -> $L", copy(element, CodeBlock.of("element"), where));
  }

  private CodeBlock valueCopier(Shape value, CodeBlock where) {
    return value.immutable() ? CodeBlock.of("null") : CodeBlock.of("value -> $L", copy(value, CodeBlock.of("value"), where));
  }

  /** {@code copyX(T source, Copier copier, String where)}: a copy of a mutable value, array or collection. */
  private String copyHelper(Shape shape) {
    return helpers.named("copy", shape.type(), name -> writeCopyHelper(name, shape));
  }

  private MethodSpec writeCopyHelper(String name, Shape shape) {
    MethodSpec.Builder method =
        GeneratedHelpers.method(name)
            .returns(shape.type())
            .addParameter(shape.type(), "source")
            .addParameter(COPIER, "copier")
            .addParameter(String.class, "where");
    if (shape instanceof Shape.Elements elements) {
      method.addStatement(
          "return $L",
          collectionCopy(elements.kind(), elements.type(), CodeBlock.of("source"),
              elementCopier(elements.element(), CodeBlock.of("where")), CodeBlock.of("where")));
    } else if (shape instanceof Shape.Entries entries) {
      method.addStatement(
          "return $L",
          collectionCopy(entries.kind(), entries.type(), CodeBlock.of("source"),
              valueCopier(entries.value(), CodeBlock.of("where")), CodeBlock.of("where")));
    } else if (shape instanceof Shape.Value value) {
      method.beginControlFlow("if (source == null)").addStatement("return null").endControlFlow();
      CodeBlock.Builder arguments = CodeBlock.builder();
      for (int i = 0; i < value.parts().size(); i++) {
        Shape.Part part = value.parts().get(i);
        arguments.add(
            i == 0 ? "$L" : ", $L", copy(part.shape(), CodeBlock.of("source.$L", part.access()), CodeBlock.of("where")));
      }
      method.addStatement("return new $T($L)", value.type(), arguments.build());
    } else if (shape instanceof Shape.Sealed sealed) {
      method.beginControlFlow("if (source == null)").addStatement("return null").endControlFlow();
      GeneratedHelpers.forEachPermitted(method, sealed, permitted -> CodeBlock.builder()
          .addStatement("return $L", copy(permitted, CodeBlock.of("($T) source", permitted.type()), CodeBlock.of("where")))
          .build());
    } else if (shape instanceof Shape.Array array) {
      method.beginControlFlow("if (source == null)").addStatement("return null").endControlFlow();
      method.addStatement("$T done = copier.copied(source)", array.type());
      method.beginControlFlow("if (done != null)").addStatement("return done").endControlFlow();
      method.addStatement("$T copy = copier.remember(source, $T.copyOf(source, source.length))", array.type(), Arrays.class);
      if (!array.component().immutable()) {
        method.beginControlFlow("for (int i = 0; i < copy.length; i++)")
            .addStatement("copy[i] = $L", copy(array.component(), CodeBlock.of("copy[i]"), CodeBlock.of("where")))
            .endControlFlow();
      }
      method.addStatement("return copy");
    } else {
      throw new IllegalStateException("no copy helper for " + shape);
    }
    return method.build();
  }

  /** {@code fillXArray(source, target, copier, where)}: copies a non-null array into a final field's array. */
  private String fillArrayHelper(Shape.Array array) {
    return helpers.named("fill", array.type(), name -> writeFillArrayHelper(name, array));
  }

  private MethodSpec writeFillArrayHelper(String name, Shape.Array array) {
    MethodSpec.Builder method =
        GeneratedHelpers.method(name)
            .addParameter(array.type(), "source")
            .addParameter(array.type(), "target")
            .addParameter(COPIER, "copier")
            .addParameter(String.class, "where")
            .addStatement("copier.remember(source, target)");
    if (array.component().immutable()) {
      method.addStatement("$T.arraycopy(source, 0, target, 0, source.length)", System.class);
    } else {
      method.beginControlFlow("for (int i = 0; i < source.length; i++)")
          .addStatement("target[i] = $L", copy(array.component(), CodeBlock.of("source[i]"), CodeBlock.of("where")))
          .endControlFlow();
    }
    return method.build();
  }
}
