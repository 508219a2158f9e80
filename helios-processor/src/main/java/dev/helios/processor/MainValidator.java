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
 * method {@code public static Simulation build(long seed)} and at most one method named
 * {@code scenarios}, which must be {@code public static ScenarioBuilder scenarios(Simulation sim)}.
 * Reports every problem on the element at fault and returns the model when there is none.
 */
final class MainValidator {
  static final String SIMULATION_MAIN = "dev.helios.annotations.SimulationMain";
  static final String SIMULATION = "dev.helios.runtime.Simulation";
  static final String SCENARIO_BUILDER = "dev.helios.runtime.explore.ScenarioBuilder";

  /**
   * What the writer needs: the annotated class, the name of the main to generate, and whether the
   * class declares {@code scenarios(Simulation)} for {@code --explore}.
   */
  record MainModel(TypeElement element, ClassName buildClass, ClassName mainClass, boolean hasScenarios) {}

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
    List<ExecutableElement> scenarios = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (method.getSimpleName().contentEquals("build")) {
        builds.add(method);
      } else if (method.getSimpleName().contentEquals("scenarios")) {
        scenarios.add(method);
      }
    }
    if (builds.isEmpty()) {
      error(type, Diagnostic.MAIN_NO_BUILD, type.getSimpleName());
      return Optional.empty();
    }
    boolean ok = true;
    for (ExecutableElement build : builds) {
      String problem = shapeProblem(build, SIMULATION, TypeKind.LONG, null);
      if (problem != null) {
        error(build, Diagnostic.MAIN_BUILD_SHAPE, problem);
        ok = false;
      }
    }
    for (ExecutableElement method : scenarios) {
      String problem = shapeProblem(method, SCENARIO_BUILDER, TypeKind.DECLARED, SIMULATION);
      if (problem != null) {
        error(method, Diagnostic.MAIN_SCENARIOS_SHAPE, problem);
        ok = false;
      }
    }
    if (!ok) {
      return Optional.empty();
    }
    ClassName buildClass = ClassName.get(type);
    ClassName mainClass =
        ClassName.get(buildClass.packageName(), String.join("_", buildClass.simpleNames()) + "Main");
    return Optional.of(new MainModel(type, buildClass, mainClass, !scenarios.isEmpty()));
  }

  /**
   * What is wrong with {@code method}, which must be public, static, return the class
   * {@code returnType} and take one parameter of kind {@code parameterKind} (the class
   * {@code parameterType} when that kind is declared), or null if nothing is.
   */
  private static String shapeProblem(
      ExecutableElement method, String returnType, TypeKind parameterKind, String parameterType) {
    Set<Modifier> modifiers = method.getModifiers();
    List<String> problems = new ArrayList<>();
    if (!modifiers.contains(Modifier.PUBLIC)) {
      problems.add("it is not public");
    }
    if (!modifiers.contains(Modifier.STATIC)) {
      problems.add("it is not static");
    }
    if (!isClass(method.getReturnType(), returnType)) {
      problems.add("it returns " + method.getReturnType());
    }
    boolean oneParameter = method.getParameters().size() == 1;
    TypeMirror parameter = oneParameter ? method.getParameters().get(0).asType() : null;
    boolean rightParameter = oneParameter
        && parameter.getKind() == parameterKind
        && (parameterType == null || isClass(parameter, parameterType));
    if (!rightParameter) {
      StringBuilder parameters = new StringBuilder();
      method.getParameters().forEach(p -> parameters.append(parameters.length() == 0 ? "" : ", ").append(p.asType()));
      problems.add("it takes (" + parameters + ")");
    }
    return problems.isEmpty() ? null : String.join(" and ", problems);
  }

  private static boolean isClass(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
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
