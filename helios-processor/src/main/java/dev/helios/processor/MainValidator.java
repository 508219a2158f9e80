package dev.helios.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic.Kind;

/**
 * Checks a {@code @SimulationMain} class: a class, reachable from its package, with exactly one
 * method {@code public static Simulation build(long seed)}. Reports every problem on the element at
 * fault and returns the model when there is none.
 */
final class MainValidator {
  static final String SIMULATION_MAIN = "dev.helios.annotations.SimulationMain";
  static final String SIMULATION = "dev.helios.runtime.Simulation";

  /** What the writer needs: the annotated class and the name of the main to generate. */
  record MainModel(TypeElement element, ClassName buildClass, ClassName mainClass) {}

  private final Messager messager;

  MainValidator(Messager messager) {
    this.messager = messager;
  }

  Optional<MainModel> validate(TypeElement type) {
    if (type.getKind() != ElementKind.CLASS) {
      error(type, Diagnostic.MAIN_NOT_CLASS, type.getSimpleName(), kindName(type.getKind()));
      return Optional.empty();
    }
    for (Element e = type; e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        error(type, Diagnostic.MAIN_NOT_REACHABLE, type.getSimpleName());
        return Optional.empty();
      }
    }
    List<ExecutableElement> builds = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (method.getSimpleName().contentEquals("build")) {
        builds.add(method);
      }
    }
    if (builds.isEmpty()) {
      error(type, Diagnostic.MAIN_NO_BUILD, type.getSimpleName());
      return Optional.empty();
    }
    boolean ok = true;
    for (ExecutableElement build : builds) {
      String problem = shapeProblem(build);
      if (problem != null) {
        error(build, Diagnostic.MAIN_BUILD_SHAPE, problem);
        ok = false;
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    ClassName buildClass = ClassName.get(type);
    ClassName mainClass =
        ClassName.get(buildClass.packageName(), String.join("_", buildClass.simpleNames()) + "Main");
    return Optional.of(new MainModel(type, buildClass, mainClass));
  }

  private static String shapeProblem(ExecutableElement build) {
    Set<Modifier> modifiers = build.getModifiers();
    List<String> problems = new ArrayList<>();
    if (!modifiers.contains(Modifier.PUBLIC)) {
      problems.add("it is not public");
    }
    if (!modifiers.contains(Modifier.STATIC)) {
      problems.add("it is not static");
    }
    if (!isSimulation(build.getReturnType())) {
      problems.add("it returns " + build.getReturnType());
    }
    boolean oneLong =
        build.getParameters().size() == 1 && build.getParameters().get(0).asType().getKind() == TypeKind.LONG;
    if (!oneLong) {
      StringBuilder parameters = new StringBuilder();
      build.getParameters().forEach(p -> parameters.append(parameters.length() == 0 ? "" : ", ").append(p.asType()));
      problems.add("it takes (" + parameters + ")");
    }
    return problems.isEmpty() ? null : String.join(" and ", problems);
  }

  private static boolean isSimulation(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(SIMULATION);
  }

  private static String kindName(ElementKind kind) {
    return switch (kind) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case RECORD -> "a record";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> "a " + kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  private void error(Element element, Diagnostic diagnostic, Object... arguments) {
    messager.printMessage(Kind.ERROR, diagnostic.format(arguments), element);
  }
}
