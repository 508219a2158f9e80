package dev.helios.processor;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic.Kind;

/**
 * Runs the determinism checks ({@link Lint}) over the method bodies of {@code @Node} and
 * {@code @Copyable} classes, and the classes nested in them, as javac finishes analysing each
 * top-level class: only then are method bodies attributed, so each expression has its type and
 * each call its target.
 *
 * <p>It needs javac's Compiler Tree API ({@code com.sun.source.util.Trees}). Under another
 * compiler, or a wrapper around javac's processing environment, it prints one note and checks
 * nothing; the rest of the processor works as before.
 */
final class DeterminismLint implements TaskListener {
  /** The processor option that turns every finding into an error. */
  static final String STRICT_OPTION = "helios.strict";

  private final Trees trees;
  private final ProcessingEnvironment environment;
  private final Kind findingKind;
  /** Findings already reported, as unit, position and tag, in case javac analyses a class twice. */
  private final Set<String> reported = new HashSet<>();

  private DeterminismLint(Trees trees, ProcessingEnvironment environment, boolean strict) {
    this.trees = trees;
    this.environment = environment;
    this.findingKind = strict ? Kind.ERROR : Kind.WARNING;
  }

  /**
   * Starts the checks in the compilation {@code environment} belongs to, or notes once that they
   * cannot run there. A {@code -Ahelios.strict} value other than true or false is an error.
   */
  static void register(ProcessingEnvironment environment) {
    String strictValue = environment.getOptions().get(STRICT_OPTION);
    boolean strict = false;
    if (strictValue != null) {
      if (strictValue.equalsIgnoreCase("true") || strictValue.isEmpty()) {
        strict = true;
      } else if (!strictValue.equalsIgnoreCase("false")) {
        environment.getMessager()
            .printMessage(Kind.ERROR, Diagnostic.STRICT_OPTION.format(STRICT_OPTION, strictValue, STRICT_OPTION));
      }
    }
    JavacTask task;
    Trees trees;
    try {
      task = JavacTask.instance(environment);
      trees = Trees.instance(environment);
    } catch (IllegalArgumentException | LinkageError e) {
      environment.getMessager().printMessage(Kind.NOTE, Diagnostic.LINT_SKIPPED.format());
      return;
    }
    task.addTaskListener(new DeterminismLint(trees, environment, strict));
  }

  @Override
  public void started(TaskEvent event) {}

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() != TaskEvent.Kind.ANALYZE
        || event.getTypeElement() == null
        || !holdsHeliosClass(event.getTypeElement())) {
      return;
    }
    CompilationUnitTree unit = event.getCompilationUnit();
    try {
      TreePath path = trees.getPath(event.getTypeElement());
      if (path != null) {
        new DeterminismScanner(trees, environment, unit, this::report).scan(path, null);
      }
    } catch (RuntimeException | Error e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      trees.printMessage(
          Kind.ERROR, Diagnostic.UNEXPECTED.format(event.getTypeElement().getQualifiedName(), trace), unit, unit);
    }
  }

  /** True if {@code type}, or a class nested in it, is a {@code @Node} or {@code @Copyable} class. */
  static boolean holdsHeliosClass(TypeElement type) {
    if (isHeliosClass(type)) {
      return true;
    }
    for (TypeElement member : ElementFilter.typesIn(type.getEnclosedElements())) {
      if (holdsHeliosClass(member)) {
        return true;
      }
    }
    return false;
  }

  static boolean isHeliosClass(Element element) {
    return ShapeResolver.hasAnnotation(element, NodeValidator.NODE)
        || ShapeResolver.hasAnnotation(element, NodeValidator.COPYABLE);
  }

  /** Reports {@code message} of {@code lint} on {@code tree}, unless an enclosing element suppresses it. */
  private void report(Lint lint, String message, TreePath path, CompilationUnitTree unit) {
    if (suppressed(lint, path)) {
      return;
    }
    Tree tree = path.getLeaf();
    long position = trees.getSourcePositions().getStartPosition(unit, tree);
    if (reported.add(unit.getSourceFile().toUri() + ":" + position + ":" + lint.tag())) {
      trees.printMessage(findingKind, message, tree, unit);
    }
  }

  /** True if a method, field, variable or class around {@code path} says {@code @SuppressWarnings("helios:<Tag>")}. */
  private boolean suppressed(Lint lint, TreePath path) {
    for (TreePath at = path; at != null; at = at.getParentPath()) {
      Tree.Kind kind = at.getLeaf().getKind();
      if (kind != Tree.Kind.METHOD && kind != Tree.Kind.VARIABLE && !(at.getLeaf() instanceof ClassTree)) {
        continue;
      }
      Element element = trees.getElement(at);
      SuppressWarnings suppress = element == null ? null : element.getAnnotation(SuppressWarnings.class);
      if (suppress != null) {
        for (String name : suppress.value()) {
          if (name.equals(lint.suppression())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Where the scanner hands a finding. */
  interface Reporter {
    void report(Lint lint, String message, TreePath path, CompilationUnitTree unit);
  }
}
