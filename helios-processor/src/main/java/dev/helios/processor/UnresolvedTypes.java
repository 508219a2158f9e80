package dev.helios.processor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;

/**
 * Finds, in a class the processor is about to read, a type that has not resolved yet: javac
 * leaves a type no source or class file declares as an error type, which another processor may
 * still generate in a later round. It looks where {@link NodeValidator} reads: the class's
 * supertypes, the instance fields of the class and its superclasses, and the handlers' parameters
 * and return types, through type arguments, array components, wildcard and type variable bounds.
 */
final class UnresolvedTypes {
  /**
   * An error type, as written, and where it appears in the class, e.g. "field Holder.items of type
   * java.util.List<Missing>".
   */
  record Unresolved(TypeMirror type, String where) {}

  /** Supertypes already looked at: an interface is often reached along several paths. */
  private final Set<Element> visitedTypes = new HashSet<>();
  /** Type variables whose bounds were looked at, so that {@code T extends Comparable<T>} ends. */
  private final Set<Element> visitedVariables = new HashSet<>();

  private UnresolvedTypes() {}

  /** The first type of {@code type} that has not resolved, in the order the class declares them. */
  static Optional<Unresolved> find(TypeElement type) {
    return Optional.ofNullable(new UnresolvedTypes().inClass(type));
  }

  private Unresolved inClass(TypeElement type) {
    Unresolved found = inSupertypes(type, type);
    for (TypeElement owner = type; found == null && owner != null; owner = superclassOf(owner)) {
      found = inFields(owner);
    }
    return found != null ? found : inHandlers(type);
  }

  /** Its superclass and interfaces, each followed by its own supertypes. */
  private Unresolved inSupertypes(TypeElement owner, TypeElement start) {
    if (!visitedTypes.add(owner)) {
      return null;
    }
    String of = owner.equals(start) ? "" : " of " + owner.getSimpleName();
    List<TypeMirror> supertypes = new ArrayList<>();
    supertypes.add(owner.getSuperclass());
    supertypes.addAll(owner.getInterfaces());
    Unresolved found = null;
    for (int i = 0; found == null && i < supertypes.size(); i++) {
      TypeMirror supertype = supertypes.get(i);
      found = at(supertype, (i == 0 ? "the superclass " : "the interface ") + supertype + of);
      if (found == null && supertype.getKind() == TypeKind.DECLARED) {
        found = inSupertypes((TypeElement) ((DeclaredType) supertype).asElement(), start);
      }
    }
    return found;
  }

  private Unresolved inFields(TypeElement owner) {
    for (VariableElement field : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
      if (!field.getModifiers().contains(Modifier.STATIC)) {
        String name = owner.getSimpleName() + "." + field.getSimpleName();
        Unresolved found = at(field.asType(), "field " + name + " of type " + field.asType());
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private Unresolved inHandlers(TypeElement type) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (!ShapeResolver.hasAnnotation(method, NodeValidator.ON_MESSAGE)
          && !ShapeResolver.hasAnnotation(method, NodeValidator.ON_START)) {
        continue;
      }
      String name = method.getSimpleName().toString();
      for (VariableElement parameter : method.getParameters()) {
        Unresolved found =
            at(parameter.asType(), "parameter " + parameter.getSimpleName() + " of method " + name + ", of type "
                + parameter.asType());
        if (found != null) {
          return found;
        }
      }
      Unresolved found =
          at(method.getReturnType(), "the return type " + method.getReturnType() + " of method " + name);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private Unresolved at(TypeMirror type, String where) {
    TypeMirror error = firstError(type);
    return error == null ? null : new Unresolved(error, where);
  }

  /** The first error type in {@code type} or the types it is made of, or null. */
  private TypeMirror firstError(TypeMirror type) {
    if (type == null) {
      return null; // A wildcard's absent bound.
    }
    switch (type.getKind()) {
      case ERROR:
        return type;
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        TypeMirror inEnclosing = firstError(declared.getEnclosingType()); // Outer<Missing>.Inner
        return inEnclosing != null ? inEnclosing : firstErrorIn(declared.getTypeArguments());
      case ARRAY:
        return firstError(((ArrayType) type).getComponentType());
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return firstErrorIn(Arrays.asList(wildcard.getExtendsBound(), wildcard.getSuperBound()));
      case INTERSECTION:
        return firstErrorIn(((IntersectionType) type).getBounds());
      case TYPEVAR:
        TypeVariable variable = (TypeVariable) type;
        return visitedVariables.add(variable.asElement())
            ? firstErrorIn(Arrays.asList(variable.getUpperBound(), variable.getLowerBound()))
            : null;
      default:
        return null;
    }
  }

  private TypeMirror firstErrorIn(List<? extends TypeMirror> types) {
    for (TypeMirror type : types) {
      TypeMirror found = firstError(type);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static TypeElement superclassOf(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) superclass).asElement() : null;
  }
}
