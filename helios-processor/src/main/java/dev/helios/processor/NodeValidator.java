package dev.helios.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic.Kind;

/**
 * Reads one {@code @Node} or {@code @Copyable} class, reports every problem on the element at
 * fault, and builds its {@link NodeModel} when there are none.
 */
final class NodeValidator {
  static final String NODE = "dev.helios.annotations.Node";
  static final String COPYABLE = "dev.helios.annotations.Copyable";
  static final String ON_MESSAGE = "dev.helios.annotations.OnMessage";
  static final String ON_START = "dev.helios.annotations.OnStart";
  static final String DURABLE = "dev.helios.annotations.Durable";
  static final String CONTEXT = "dev.helios.runtime.Context";

  private final Types types;
  private final Elements elements;
  private final Messager messager;
  /** The classes compiled in this round, where implementations of open message types are found. */
  private final List<TypeElement> compiledTypes;
  private boolean failed;

  NodeValidator(Types types, Elements elements, Messager messager, List<TypeElement> compiledTypes) {
    this.types = types;
    this.elements = elements;
    this.messager = messager;
    this.compiledTypes = compiledTypes;
  }

  /** The model of {@code type}, or empty after reporting why it has none. */
  Optional<NodeModel> validate(TypeElement type, NodeModel.Role role) {
    failed = false;
    String annotation = role == NodeModel.Role.NODE ? "Node" : "Copyable";
    if (!checkClassShape(type, annotation)) {
      return Optional.empty();
    }
    if (role == NodeModel.Role.NODE && ShapeResolver.hasAnnotation(type, COPYABLE)) {
      error(type, Diagnostic.NODE_AND_COPYABLE, type.getSimpleName());
    }
    if (role == NodeModel.Role.COPYABLE) {
      checkNoArgConstructor(type);
    }
    Map<String, NodeModel.MessageType> messageTypes = new LinkedHashMap<>();
    List<NodeModel.Handler> handlers =
        role == NodeModel.Role.NODE ? handlers(type, messageTypes) : List.of();
    Optional<NodeModel.Start> start =
        role == NodeModel.Role.NODE ? start(type) : Optional.empty();
    List<NodeModel.StateField> fields = fields(type);
    if (failed) {
      return Optional.empty();
    }
    ClassName nodeClass = ClassName.get(type);
    return Optional.of(
        new NodeModel(
            type,
            role,
            nodeClass,
            CompanionNames.companionOf(nodeClass),
            HandlerOrder.mostSpecificFirst(handlers, types),
            start,
            fields,
            List.copyOf(messageTypes.values())));
  }

  /** Reports {@code @OnMessage} or {@code @OnStart} methods outside {@code @Node} classes. */
  void checkEnclosedInNode(ExecutableElement method, String annotation) {
    Element owner = method.getEnclosingElement();
    if (!ShapeResolver.hasAnnotation(owner, NODE)) {
      error(method, Diagnostic.HANDLER_OUTSIDE_NODE, annotation, method.getSimpleName(), owner.getSimpleName());
    }
  }

  /** Reports {@code @Durable} on a static field or outside a {@code @Node} class. */
  void checkDurable(VariableElement field) {
    Element owner = field.getEnclosingElement();
    if (field.getModifiers().contains(Modifier.STATIC)) {
      error(field, Diagnostic.DURABLE_STATIC, field.getSimpleName(), owner.getSimpleName());
    } else if (!ShapeResolver.hasAnnotation(owner, NODE)) {
      error(field, Diagnostic.DURABLE_OUTSIDE_NODE, field.getSimpleName(), owner.getSimpleName());
    }
  }

  /**
   * Reports problems of the class itself; returns false when it is not a class whose members can
   * be checked (an interface, enum, record, annotation type or local class), so that the other
   * problems, of handlers and fields, are reported too.
   */
  private boolean checkClassShape(TypeElement type, String annotation) {
    String name = type.getSimpleName().toString();
    switch (type.getKind()) {
      case INTERFACE -> {
        error(type, Diagnostic.NODE_NOT_CLASS, annotation, name, "an interface");
        return false;
      }
      case ANNOTATION_TYPE -> {
        error(type, Diagnostic.NODE_NOT_CLASS, annotation, name, "an annotation type");
        return false;
      }
      case ENUM -> {
        error(type, Diagnostic.NODE_NOT_CLASS, annotation, name, "an enum");
        return false;
      }
      case RECORD -> {
        error(type, Diagnostic.NODE_NOT_CLASS, annotation, name, "a record, whose state cannot change");
        return false;
      }
      default -> {}
    }
    if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
      error(type, Diagnostic.NODE_LOCAL, annotation, name);
      return false;
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      error(type, Diagnostic.NODE_ABSTRACT, annotation, name);
    }
    if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
      error(type, Diagnostic.NODE_INNER_NOT_STATIC, annotation, name);
    }
    for (Element e = type; e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        if (e.equals(type)) {
          error(type, Diagnostic.NODE_PRIVATE, annotation, name, "is private", "it");
        } else {
          error(
              type,
              Diagnostic.NODE_PRIVATE,
              annotation,
              name,
              "is inside the private class " + e.getSimpleName(),
              e.getSimpleName());
        }
        break;
      }
    }
    if (!type.getTypeParameters().isEmpty()) {
      error(type, Diagnostic.NODE_GENERIC, annotation, name);
    }
    return true;
  }

  private void checkNoArgConstructor(TypeElement type) {
    boolean found =
        ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
            .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
    if (!found) {
      error(type, Diagnostic.NO_CONSTRUCTOR, type.getSimpleName());
    }
  }

  private List<NodeModel.Handler> handlers(TypeElement type, Map<String, NodeModel.MessageType> messageTypes) {
    List<NodeModel.Handler> handlers = new ArrayList<>();
    List<ExecutableElement> accepted = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (!ShapeResolver.hasAnnotation(method, ON_MESSAGE)) {
        continue;
      }
      if (!checkMethodBasics(method, "OnMessage")) {
        continue;
      }
      List<? extends VariableElement> parameters = method.getParameters();
      boolean shapeOk =
          (parameters.size() == 1 || parameters.size() == 2)
              && (parameters.size() == 1 || isContext(parameters.get(1).asType()));
      if (!shapeOk) {
        error(
            method,
            Diagnostic.HANDLER_PARAMETERS,
            "OnMessage",
            method.getSimpleName(),
            describeParameters(method),
            "(Message) or (Message, Context)");
        continue;
      }
      VariableElement messageParameter = parameters.get(0);
      TypeMirror messageType = messageParameter.asType();
      if (messageType.getKind().isPrimitive()) {
        error(
            messageParameter,
            Diagnostic.HANDLER_PRIMITIVE_MESSAGE,
            method.getSimpleName(),
            messageType,
            types.boxedClass((javax.lang.model.type.PrimitiveType) messageType).getSimpleName());
        continue;
      }
      if (messageType.getKind() != TypeKind.DECLARED && messageType.getKind() != TypeKind.ARRAY) {
        error(
            messageParameter,
            Diagnostic.HANDLER_PARAMETERS,
            "OnMessage",
            method.getSimpleName(),
            describeParameters(method),
            "a class, interface, record or array as the message type");
        continue;
      }
      TypeMirror erased = types.erasure(messageType);
      PackageElement nodePackage = elements.getPackageOf(type);
      if (!isNameableFrom(erased, nodePackage)) {
        error(
            messageParameter,
            Diagnostic.HANDLER_MESSAGE_NOT_VISIBLE,
            method.getSimpleName(),
            messageType,
            nodePackage.getQualifiedName());
        continue;
      }
      String notAValue = collectMessageTypes(type, messageType, messageTypes);
      if (notAValue != null) {
        error(messageParameter, Diagnostic.HANDLER_MESSAGE_NOT_VALUE, method.getSimpleName(), messageType, notAValue);
        continue;
      }
      ExecutableElement duplicate = null;
      for (ExecutableElement earlier : accepted) {
        if (types.isSameType(types.erasure(earlier.getParameters().get(0).asType()), erased)) {
          duplicate = earlier;
          break;
        }
      }
      if (duplicate != null) {
        error(method, Diagnostic.HANDLER_DUPLICATE, method.getSimpleName(), erased, duplicate.getSimpleName());
        continue;
      }
      accepted.add(method);
      boolean generic =
          messageType.getKind() == TypeKind.DECLARED
              && !((DeclaredType) messageType).getTypeArguments().isEmpty();
      handlers.add(
          new NodeModel.Handler(
              method.getSimpleName().toString(),
              TypeName.get(erased),
              erased,
              generic,
              parameters.size() == 2));
    }
    return handlers;
  }

  /**
   * Adds the concrete classes a handler taking {@code messageType} receives by value to
   * {@code into}, or returns why values of that type cannot be messages. {@code Object}, and
   * interfaces and abstract classes that are not sealed, are open: the runtime checks each message
   * sent, and the implementations compiled with the node are known by value.
   */
  private String collectMessageTypes(
      TypeElement node, TypeMirror messageType, Map<String, NodeModel.MessageType> into) {
    ShapeResolver resolver = new ShapeResolver(types, elements, elements.getPackageOf(node));
    if (isObject(messageType)) {
      return null; // Any message: the runtime checks each one, and other nodes' handlers name their types.
    }
    if (isOpen(messageType)) {
      for (TypeElement candidate : compiledTypes) {
        if (candidate.getKind() != ElementKind.INTERFACE
            && !candidate.getModifiers().contains(Modifier.ABSTRACT)
            && types.isSubtype(types.erasure(candidate.asType()), types.erasure(messageType))) {
          ShapeResolver.Result result = resolver.resolve(candidate.asType());
          if (result.ok() && messageProblem(result.shape(), true) == null) {
            addConcrete(result.shape(), into);
          }
        }
      }
      return null;
    }
    ShapeResolver.Result result = resolver.resolve(messageType);
    if (!result.ok()) {
      return result.problem();
    }
    String problem = messageProblem(result.shape(), true);
    if (problem == null) {
      addConcrete(result.shape(), into);
    }
    return problem;
  }

  private static boolean isObject(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.Object");
  }

  static boolean isOpen(TypeMirror messageType) {
    if (messageType.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement element = (TypeElement) ((DeclaredType) messageType).asElement();
    boolean abstractType = element.getKind() == ElementKind.INTERFACE || element.getModifiers().contains(Modifier.ABSTRACT);
    return abstractType
        && !element.getModifiers().contains(Modifier.SEALED)
        && Shape.CollectionKind.forName(element.getQualifiedName().toString()) == null;
  }

  /**
   * Why a value of {@code shape} cannot be a message, or null: a message is shared by the queue
   * and every fork, so it must never change. Collections must be of the interfaces unmodifiable
   * collections implement (the runtime checks, when one is sent, that it is unmodifiable); a
   * {@code @Copyable} class is copied at a fork, so it may be a whole message but not a part of one.
   */
  static String messageProblem(Shape shape, boolean whole) {
    if (shape instanceof Shape.Value value) {
      for (Shape.Part part : value.parts()) {
        String problem = messageProblem(part.shape(), false);
        if (problem != null) {
          return value.type().simpleName() + "." + part.name() + " " + problem;
        }
      }
      return null;
    }
    if (shape instanceof Shape.Sealed sealed) {
      for (Shape permitted : sealed.permitted()) {
        String problem = messageProblem(permitted, whole);
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }
    if (shape instanceof Shape.Copyable copyable) {
      return whole
          ? null
          : "is of the @Copyable, mutable class " + copyable.type().simpleName()
              + "; make that part immutable, or the whole message @Copyable";
    }
    if (shape instanceof Shape.Elements elements) {
      return elements.kind().unmodifiableForm
          ? messageProblem(elements.element(), false)
          : "is a " + elements.type() + ", which can change after it is sent; declare it as a List or Set and send"
              + " List.copyOf(...) or Set.copyOf(...)";
    }
    if (shape instanceof Shape.Entries entries) {
      if (!entries.kind().unmodifiableForm) {
        return "is a " + entries.type() + ", which can change after it is sent; declare it as a Map and send"
            + " Map.copyOf(...)";
      }
      String problem = messageProblem(entries.key(), false);
      return problem != null ? problem : messageProblem(entries.value(), false);
    }
    if (shape instanceof Shape.Array) {
      return "is an array, which can change after it is sent; use a List, sent as List.of(...) or List.copyOf(...)";
    }
    return null;
  }

  /** Adds the concrete classes a value of {@code shape} can be, that generated code knows by value. */
  /**
   * Adds the classes of {@code shape} that are known by value: a record or class, and those of its
   * parts, down through collections, so that a record inside a message (a log entry in a list) is
   * digested and described as the message is.
   */
  private static void addConcrete(Shape shape, Map<String, NodeModel.MessageType> into) {
    if (shape instanceof Shape.Value value) {
      if (into.putIfAbsent(value.type().canonicalName(), new NodeModel.MessageType(value.type(), shape)) == null) {
        for (Shape.Part part : value.parts()) {
          addConcrete(part.shape(), into);
        }
      }
    } else if (shape instanceof Shape.Elements elements) {
      addConcrete(elements.element(), into);
    } else if (shape instanceof Shape.Entries entries) {
      addConcrete(entries.key(), into);
      addConcrete(entries.value(), into);
    } else if (shape instanceof Shape.Copyable copyable) {
      into.putIfAbsent(copyable.type().canonicalName(), new NodeModel.MessageType(copyable.type(), shape));
    } else if (shape instanceof Shape.Sealed sealed) {
      for (Shape permitted : sealed.permitted()) {
        addConcrete(permitted, into);
      }
    }
  }

  private Optional<NodeModel.Start> start(TypeElement type) {
    NodeModel.Start start = null;
    ExecutableElement first = null;
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (!ShapeResolver.hasAnnotation(method, ON_START)) {
        continue;
      }
      if (first != null) {
        error(method, Diagnostic.START_DUPLICATE, method.getSimpleName(), type.getSimpleName(), first.getSimpleName());
        continue;
      }
      first = method;
      if (!checkMethodBasics(method, "OnStart")) {
        continue;
      }
      List<? extends VariableElement> parameters = method.getParameters();
      boolean shapeOk =
          parameters.isEmpty() || (parameters.size() == 1 && isContext(parameters.get(0).asType()));
      if (!shapeOk) {
        error(
            method,
            Diagnostic.HANDLER_PARAMETERS,
            "OnStart",
            method.getSimpleName(),
            describeParameters(method),
            "() or (Context)");
        continue;
      }
      start = new NodeModel.Start(method.getSimpleName().toString(), parameters.size() == 1);
    }
    return Optional.ofNullable(start);
  }

  private boolean checkMethodBasics(ExecutableElement method, String annotation) {
    boolean ok = true;
    Set<Modifier> modifiers = method.getModifiers();
    if (modifiers.contains(Modifier.PRIVATE)) {
      error(method, Diagnostic.HANDLER_PRIVATE, annotation, method.getSimpleName());
      ok = false;
    }
    if (modifiers.contains(Modifier.STATIC)) {
      error(method, Diagnostic.HANDLER_STATIC, annotation, method.getSimpleName());
      ok = false;
    }
    if (method.getReturnType().getKind() != TypeKind.VOID) {
      error(method, Diagnostic.HANDLER_NOT_VOID, annotation, method.getSimpleName(), method.getReturnType());
      ok = false;
    }
    return ok;
  }

  private List<NodeModel.StateField> fields(TypeElement type) {
    List<NodeModel.StateField> fields = new ArrayList<>();
    ShapeResolver resolver = new ShapeResolver(types, elements, elements.getPackageOf(type));
    // Generated code names fields as node.name, which a subclass field hides from its superclass's.
    Map<String, String> declared = new HashMap<>();
    for (TypeElement owner : classChain(type)) {
      for (VariableElement field : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
        if (field.getModifiers().contains(Modifier.STATIC)) {
          continue;
        }
        // A superclass's field is reported on the node class: that is where the user can act.
        Element at = owner.equals(type) ? field : type;
        String fieldName = owner.getSimpleName() + "." + field.getSimpleName();
        String hidden = declared.putIfAbsent(field.getSimpleName().toString(), fieldName);
        if (hidden != null) {
          error(at, Diagnostic.FIELD_HIDDEN, fieldName, hidden);
          continue;
        }
        String reach = reachProblem(field, type);
        if (reach != null) {
          error(at, Diagnostic.FIELD_NOT_ACCESSIBLE, fieldName, reach);
          continue;
        }
        ShapeResolver.Result result = resolver.resolve(field.asType());
        if (!result.ok()) {
          error(at, Diagnostic.FIELD_NOT_COPYABLE, fieldName, field.asType(), result.problem());
          continue;
        }
        boolean isFinal = field.getModifiers().contains(Modifier.FINAL);
        Shape shape = result.shape();
        if (isFinal && (shape instanceof Shape.Value || shape instanceof Shape.Sealed) && !shape.immutable()) {
          error(at, Diagnostic.FINAL_FIELD_NOT_REFILLABLE, fieldName, field.asType());
          continue;
        }
        fields.add(
            new NodeModel.StateField(
                field.getSimpleName().toString(),
                fieldName,
                isFinal,
                ShapeResolver.hasAnnotation(field, DURABLE),
                result.shape()));
      }
    }
    return fields;
  }

  /** The class and its superclasses below Object, the topmost first. */
  private List<TypeElement> classChain(TypeElement type) {
    List<TypeElement> chain = new ArrayList<>();
    for (TypeElement t = type; t != null; ) {
      if (t.getQualifiedName().contentEquals("java.lang.Object")) {
        break;
      }
      chain.add(0, t);
      TypeMirror superclass = t.getSuperclass();
      t = superclass.getKind() == TypeKind.DECLARED
          ? (TypeElement) ((DeclaredType) superclass).asElement()
          : null;
    }
    return chain;
  }

  private String reachProblem(VariableElement field, TypeElement node) {
    Set<Modifier> modifiers = field.getModifiers();
    if (modifiers.contains(Modifier.PRIVATE)) {
      return "private";
    }
    boolean samePackage = elements.getPackageOf(field).equals(elements.getPackageOf(node));
    if (!samePackage && !modifiers.contains(Modifier.PUBLIC)) {
      return "declared in another package without public access";
    }
    return null;
  }

  /** True if generated code in {@code from} can name {@code type}, which is erased. */
  private boolean isNameableFrom(TypeMirror type, PackageElement from) {
    TypeMirror innermost = type;
    while (innermost.getKind() == TypeKind.ARRAY) {
      innermost = ((ArrayType) innermost).getComponentType();
    }
    return innermost.getKind() != TypeKind.DECLARED
        || ShapeResolver.isReachable(elements, (TypeElement) types.asElement(innermost), from);
  }

  private boolean isContext(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(CONTEXT);
  }

  private static String describeParameters(ExecutableElement method) {
    return method.getParameters().stream()
        .map(p -> p.asType().toString())
        .collect(Collectors.joining(", "));
  }

  private void error(Element element, Diagnostic diagnostic, Object... arguments) {
    failed = true;
    messager.printMessage(Kind.ERROR, diagnostic.format(arguments), element);
  }
}
