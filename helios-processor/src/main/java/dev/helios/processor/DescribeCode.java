package dev.helios.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;

/**
 * The generated descriptions: node state as JSON (for the visualizer and {@code describeNode}),
 * and messages as text in the trace ({@code Put[key="x", version=3]}), both by value, never through
 * {@code toString()} or hash order.
 */
final class DescribeCode {
  private static final ClassName JSON = ClassName.get("dev.helios.runtime.internal", "Json");
  private static final ClassName JSON_ELEMENTS = JSON.nestedClass("Elements");
  private static final ClassName JSON_MEMBERS = JSON.nestedClass("Members");
  private static final ClassName STRING_BUILDER = ClassName.get(StringBuilder.class);

  private final GeneratedHelpers helpers;

  DescribeCode(GeneratedHelpers helpers) {
    this.helpers = helpers;
  }

  // ---- state as JSON ----

  /** A statement appending {@code value}'s JSON text to {@code out}. */
  CodeBlock json(Shape shape, CodeBlock value, CodeBlock out) {
    if (shape instanceof Shape.Leaf leaf) {
      return switch (leaf.kind()) {
        case INTEGRAL, BOOLEAN -> CodeBlock.of("$L.append($L)", out, value);
        case CHAR -> CodeBlock.of("$T.character($L, $L)", JSON, out, value);
        case FLOAT, DOUBLE -> CodeBlock.of("$T.number($L, $L)", JSON, out, value);
        case STRING -> CodeBlock.of("$T.string($L, $L)", JSON, out, value);
        case BOXED -> CodeBlock.of("$T.boxed($L, $L)", JSON, out, value);
        case ENUM -> CodeBlock.of("$T.enumConstant($L, $L)", JSON, out, value);
        case TEXT -> CodeBlock.of("$T.text($L, $L)", JSON, out, value);
      };
    }
    if (shape instanceof Shape.Copyable copyable) {
      return CodeBlock.of("$T.describeTo($L, $L)", copyable.companion(), value, out);
    }
    return CodeBlock.of("$N($L, $L)", jsonHelper(shape), value, out);
  }

  private String jsonHelper(Shape shape) {
    return helpers.named("describe", shape.type(), name -> writeJsonHelper(name, shape));
  }

  private MethodSpec writeJsonHelper(String name, Shape shape) {
    MethodSpec.Builder method = nullSafeHelper(name, shape);
    CodeBlock out = CodeBlock.of("out");
    if (shape instanceof Shape.Value value) {
      method.addStatement("out.append('{')");
      boolean first = true;
      for (Shape.Part part : value.parts()) {
        method.addStatement("out.append($S)", (first ? "" : ",") + "\"" + part.name() + "\":");
        method.addStatement("$L", json(part.shape(), CodeBlock.of("source.$L", part.access()), out));
        first = false;
      }
      method.addStatement("out.append('}')");
    } else if (shape instanceof Shape.Sealed sealed) {
      GeneratedHelpers.forEachPermitted(method, sealed, permitted -> CodeBlock.builder()
          .addStatement("$L", json(permitted, CodeBlock.of("(($T) source)", permitted.type()), out))
          .addStatement("return")
          .build());
    } else if (shape instanceof Shape.Array array) {
      jsonSequence(method, array.component());
    } else if (shape instanceof Shape.Elements elements && elements.kind().family != Shape.Family.SET) {
      jsonSequence(method, elements.element());
    } else if (shape instanceof Shape.Elements elements) {
      method.addStatement("$T items = new $T($T.isOrdered(source))", JSON_ELEMENTS, JSON_ELEMENTS, JSON);
      method.beginControlFlow("for ($T element : source)", elements.element().type())
          .addStatement("$L", json(elements.element(), CodeBlock.of("element"), CodeBlock.of("items.next()")))
          .endControlFlow();
      method.addStatement("items.writeArray(out)");
    } else if (shape instanceof Shape.Entries entries) {
      method.addStatement("$T members = new $T($T.isOrdered(source))", JSON_MEMBERS, JSON_MEMBERS, JSON);
      method.beginControlFlow("for ($T entry : source.entrySet())", DigestCode.entryType(entries))
          .addStatement("$L", json(entries.key(), CodeBlock.of("entry.getKey()"), CodeBlock.of("members.key()")))
          .addStatement("$L", json(entries.value(), CodeBlock.of("entry.getValue()"), CodeBlock.of("members.value()")))
          .endControlFlow();
      method.addStatement("members.writeObject(out)");
    } else {
      throw new IllegalStateException("no describe helper for " + shape);
    }
    return method.build();
  }

  private void jsonSequence(MethodSpec.Builder method, Shape element) {
    method.addStatement("out.append('[')");
    method.addStatement("boolean first = true");
    method.beginControlFlow("for ($T element : source)", element.type())
        .beginControlFlow("if (!first)")
        .addStatement("out.append(',')")
        .endControlFlow()
        .addStatement("first = false")
        .addStatement("$L", json(element, CodeBlock.of("element"), CodeBlock.of("out")))
        .endControlFlow();
    method.addStatement("out.append(']')");
  }

  // ---- messages as text ----

  /** A statement appending the trace text of {@code value}, a message or a part of one, to {@code out}. */
  CodeBlock text(Shape shape, CodeBlock value) {
    if (shape instanceof Shape.Leaf leaf) {
      return switch (leaf.kind()) {
        case INTEGRAL, BOOLEAN, FLOAT, DOUBLE -> CodeBlock.of("out.append($L)", value);
        case CHAR -> CodeBlock.of("$T.character(out, $L)", JSON, value);
        case STRING -> CodeBlock.of("$T.string(out, $L)", JSON, value);
        case BOXED, ENUM, TEXT -> CodeBlock.of("$T.text($L, out)", DigestCode.MESSAGES, value);
      };
    }
    if (shape instanceof Shape.Copyable) {
      throw new IllegalStateException("a @Copyable part of a message passed validation: " + shape);
    }
    if (shape instanceof Shape.Elements || shape instanceof Shape.Entries) {
      return CodeBlock.of("$T.text($L, out)", DigestCode.MESSAGES, value);
    }
    return CodeBlock.of("$N($L, out)", textHelper(shape), value);
  }

  private String textHelper(Shape shape) {
    return helpers.named("text", shape.type(), name -> writeTextHelper(name, shape));
  }

  private MethodSpec writeTextHelper(String name, Shape shape) {
    MethodSpec.Builder method = nullSafeHelper(name, shape);
    if (shape instanceof Shape.Value value) {
      method.addStatement("out.append($S)", value.type().simpleName() + "[");
      boolean first = true;
      for (Shape.Part part : value.parts()) {
        method.addStatement("out.append($S)", (first ? "" : ", ") + part.name() + "=");
        method.addStatement("$L", text(part.shape(), CodeBlock.of("source.$L", part.access())));
        first = false;
      }
      method.addStatement("out.append(']')");
    } else if (shape instanceof Shape.Sealed sealed) {
      GeneratedHelpers.forEachPermitted(method, sealed, permitted -> CodeBlock.builder()
          .addStatement("$L", text(permitted, CodeBlock.of("(($T) source)", permitted.type())))
          .addStatement("return")
          .build());
    } else {
      throw new IllegalStateException("no text helper for " + shape);
    }
    return method.build();
  }

  /** A helper {@code (T source, StringBuilder out)} that appends {@code null} for a null source. */
  private static MethodSpec.Builder nullSafeHelper(String name, Shape shape) {
    return GeneratedHelpers.method(name)
        .addParameter(shape.type(), "source")
        .addParameter(STRING_BUILDER, "out")
        .beginControlFlow("if (source == null)")
        .addStatement("out.append($S)", "null")
        .addStatement("return")
        .endControlFlow();
  }
}
