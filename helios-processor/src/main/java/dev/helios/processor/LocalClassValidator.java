package dev.helios.processor;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * Reports {@code @Node} and {@code @Copyable} on local classes. Annotation processing never sees
 * local classes (they live in method bodies, which javac attributes only after the last round), so
 * this looks for them in each class's attributed tree once javac has analysed it.
 *
 * <p>It needs javac's tree API; under another compiler, or a wrapper around javac's processing
 * environment, local classes go unreported and simply get no companion.
 */
final class LocalClassValidator implements TaskListener {
  private final Trees trees;
  /** Local classes already reported, in case javac analyses a class's tree more than once. */
  private final Set<Element> reported = new HashSet<>();

  private LocalClassValidator(Trees trees) {
    this.trees = trees;
  }

  /** Starts checking local classes in the compilation {@code environment} belongs to, if it can. */
  static void register(ProcessingEnvironment environment) {
    JavacTask task;
    Trees trees;
    try {
      task = JavacTask.instance(environment);
      trees = Trees.instance(environment);
    } catch (IllegalArgumentException | LinkageError e) {
      return; // Not javac's own processing environment.
    }
    task.addTaskListener(new LocalClassValidator(trees));
  }

  @Override
  public void started(TaskEvent event) {}

  @Override
  public void finished(TaskEvent event) {
    if (event.getKind() != TaskEvent.Kind.ANALYZE || event.getTypeElement() == null) {
      return;
    }
    CompilationUnitTree unit = event.getCompilationUnit();
    try {
      TreePath path = trees.getPath(event.getTypeElement());
      if (path != null) {
        new Scanner(unit).scan(path, null);
      }
    } catch (RuntimeException | Error e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      trees.printMessage(
          Kind.ERROR,
          Diagnostic.UNEXPECTED.format(event.getTypeElement().getQualifiedName(), trace),
          unit,
          unit);
    }
  }

  private final class Scanner extends TreePathScanner<Void, Void> {
    private final CompilationUnitTree unit;

    Scanner(CompilationUnitTree unit) {
      this.unit = unit;
    }

    @Override
    public Void visitClass(ClassTree tree, Void unused) {
      Element element = trees.getElement(getCurrentPath());
      if (element instanceof TypeElement type
          && type.getNestingKind() == NestingKind.LOCAL
          && reported.add(type)) {
        check(type, tree);
      }
      return super.visitClass(tree, unused);
    }

    private void check(TypeElement type, ClassTree tree) {
      for (String annotation : new String[] {NodeValidator.NODE, NodeValidator.COPYABLE}) {
        if (ShapeResolver.hasAnnotation(type, annotation)) {
          String simpleName = annotation.substring(annotation.lastIndexOf('.') + 1);
          trees.printMessage(
              Kind.ERROR, Diagnostic.NODE_LOCAL.format(simpleName, type.getSimpleName()), tree, unit);
          return;
        }
      }
    }
  }
}
