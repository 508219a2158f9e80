package dev.helios.processor;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Walks one top-level class's attributed tree and reports each {@link Lint} finding inside its
 * {@code @Node} and {@code @Copyable} classes (nested classes, lambdas and anonymous classes in
 * them included). Calls are matched by their resolved target, so an import alias or a static
 * import cannot hide one; types are the expressions' static types.
 */
final class DeterminismScanner extends TreePathScanner<Void, Void> {
  private static final String CONTEXT = "dev.helios.runtime.Context";
  /** Hash-ordered collections; their linked subclasses keep insertion order. */
  private static final List<String> HASH_COLLECTIONS =
      List.of(
          "java.util.HashMap",
          "java.util.HashSet",
          "java.util.Hashtable",
          "java.util.IdentityHashMap",
          "java.util.WeakHashMap",
          "java.util.concurrent.ConcurrentHashMap");
  private static final List<String> ORDERED_SUBCLASSES = List.of("java.util.LinkedHashMap", "java.util.LinkedHashSet");
  /** Calls that walk a collection in its iteration order. */
  private static final Set<String> ITERATING_METHODS =
      Set.of("forEach", "iterator", "spliterator", "stream", "parallelStream", "toArray", "toString");

  private final Trees trees;
  private final Types types;
  private final Elements elements;
  private final CompilationUnitTree unit;
  private final DeterminismLint.Reporter reporter;
  /** Variables that hold a hash-ordered collection, with how it was made ("a HashSet", "made by Set.of"). */
  private final Map<Element, String> hashOrdered = new LinkedHashMap<>();
  /** How many {@code @Node} or {@code @Copyable} classes enclose the current tree. */
  private int heliosDepth;
  /** The path expressions are resolved against while the pre-pass runs, before the main scan has a current path. */
  private TreePath currentOverride;

  DeterminismScanner(
      Trees trees, ProcessingEnvironment environment, CompilationUnitTree unit, DeterminismLint.Reporter reporter) {
    this.trees = trees;
    this.types = environment.getTypeUtils();
    this.elements = environment.getElementUtils();
    this.unit = unit;
    this.reporter = reporter;
  }

  @Override
  public Void scan(TreePath path, Void unused) {
    collectHashOrderedVariables(path);
    return super.scan(path, unused);
  }

  // ---- where the checks apply ----

  @Override
  public Void visitClass(ClassTree tree, Void unused) {
    boolean helios = DeterminismLint.isHeliosClass(trees.getElement(getCurrentPath()));
    heliosDepth += helios ? 1 : 0;
    try {
      return super.visitClass(tree, unused);
    } finally {
      heliosDepth -= helios ? 1 : 0;
    }
  }

  private boolean checking() {
    return heliosDepth > 0;
  }

  // ---- fields and methods ----

  @Override
  public Void visitVariable(VariableTree tree, Void unused) {
    Element element = trees.getElement(getCurrentPath());
    if (checking()
        && element != null
        && element.getKind() == ElementKind.FIELD
        && element.getModifiers().contains(Modifier.STATIC)
        && !element.getModifiers().contains(Modifier.FINAL)) {
      String field = element.getEnclosingElement().getSimpleName() + "." + element.getSimpleName();
      report(Lint.STATIC_STATE, getCurrentPath(), field);
    }
    return super.visitVariable(tree, unused);
  }

  @Override
  public Void visitMethod(MethodTree tree, Void unused) {
    if (checking() && tree.getModifiers().getFlags().contains(Modifier.SYNCHRONIZED)) {
      report(Lint.THREADS, getCurrentPath(), "synchronized method " + tree.getName(), "locks a monitor");
    }
    return super.visitMethod(tree, unused);
  }

  @Override
  public Void visitSynchronized(SynchronizedTree tree, Void unused) {
    if (checking()) {
      report(Lint.THREADS, getCurrentPath(), "a synchronized block", "locks a monitor");
    }
    return super.visitSynchronized(tree, unused);
  }

  // ---- calls, method references and constructors ----

  @Override
  public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
    if (checking()) {
      Element target = trees.getElement(new TreePath(getCurrentPath(), tree.getMethodSelect()));
      if (target instanceof ExecutableElement method) {
        checkCall(method, tree, callText(tree));
      }
    }
    return super.visitMethodInvocation(tree, unused);
  }

  @Override
  public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
    if (checking() && trees.getElement(getCurrentPath()) instanceof ExecutableElement method) {
      checkTarget(method, null, 0, shortText(tree));
    }
    return super.visitMemberReference(tree, unused);
  }

  @Override
  public Void visitNewClass(NewClassTree tree, Void unused) {
    if (checking() && trees.getElement(getCurrentPath()) instanceof ExecutableElement constructor) {
      TypeElement type = (TypeElement) constructor.getEnclosingElement();
      String text = "new " + type.getSimpleName() + (tree.getArguments().isEmpty() ? "()" : "(...)");
      boolean noArguments = constructor.getParameters().isEmpty();
      if (noArguments && isAny(type, "java.util.Date", "java.util.GregorianCalendar")) {
        report(Lint.WALL_CLOCK, getCurrentPath(), text);
      } else if (isSubclassOf(type, "java.util.Random") || isSubclassOf(type, "java.util.SplittableRandom")) {
        report(Lint.RANDOMNESS, getCurrentPath(), text);
      } else if (isSubclassOf(type, "java.lang.Thread")
          || isSubclassOf(type, "java.util.concurrent.Executor")
          || isSubclassOf(type, "java.util.Timer")
          || isSubclassOf(type, "java.util.concurrent.CompletableFuture")) {
        report(Lint.THREADS, getCurrentPath(), text, "runs code on another thread");
      }
      checkCopiesHashOrder(type, tree.getArguments(), text);
    }
    return super.visitNewClass(tree, unused);
  }

  private void checkCall(ExecutableElement method, MethodInvocationTree tree, String text) {
    ExpressionTree receiver =
        tree.getMethodSelect() instanceof MemberSelectTree select ? select.getExpression() : null;
    checkTarget(method, receiver, tree.getArguments().size(), text);
    String name = method.getSimpleName().toString();
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    // Iteration in hash order: a for-each is checked in visitEnhancedForLoop.
    if (receiver != null && ITERATING_METHODS.contains(name)) {
      String origin = hashOrigin(receiver);
      if (origin != null) {
        report(Lint.HASH_ORDER, getCurrentPath(), text, shortText(receiver), origin);
      }
    }
    if (name.equals("addAll") && receiver != null) {
      checkCopiesHashOrder(typeOf(receiver), tree.getArguments(), text);
    }
    if (isAny(owner, "java.util.List") && name.equals("copyOf")
        || isAny(owner, "java.lang.String") && (name.equals("join") || name.equals("valueOf"))
        || isAny(owner, "java.util.Objects") && name.equals("toString")) {
      checkCopiesHashOrder(null, tree.getArguments(), text);
    }
    // Identity hashes.
    if (name.equals("hashCode") && method.getParameters().isEmpty() && receiver != null) {
      String reason = unstableHash(trees.getTypeMirror(pathOf(receiver)), 0);
      if (reason != null) {
        report(Lint.IDENTITY_HASH, getCurrentPath(), text, " (" + reason + ")");
      }
    } else if (isAny(owner, "java.lang.System") && name.equals("identityHashCode")) {
      report(Lint.IDENTITY_HASH, getCurrentPath(), text, "");
    } else if (isAny(owner, "java.util.Objects") && (name.equals("hash") || name.equals("hashCode"))) {
      for (ExpressionTree argument : tree.getArguments()) {
        String reason = unstableHash(trees.getTypeMirror(pathOf(argument)), 0);
        if (reason != null) {
          String why = " (it hashes " + shortText(argument) + ": " + reason + ")";
          report(Lint.IDENTITY_HASH, getCurrentPath(), text, why);
          break;
        }
      }
    }
    // Messages.
    checkMessage(method, receiver, tree, text);
  }

  /** The checks that depend only on the target: wall clock, randomness, threads. */
  private void checkTarget(ExecutableElement method, ExpressionTree receiver, int argumentCount, String text) {
    String name = method.getSimpleName().toString();
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String ownerName = owner.getQualifiedName().toString();
    boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
    if (isAny(owner, "java.lang.System") && (name.equals("currentTimeMillis") || name.equals("nanoTime"))
        || ownerName.startsWith("java.time.") && isStatic && name.equals("now")
        || isAny(owner, "java.time.Clock", "java.time.InstantSource")
        || isAny(owner, "java.util.Calendar") && name.equals("getInstance")) {
      report(Lint.WALL_CLOCK, getCurrentPath(), text);
      return;
    }
    if (isAny(owner, "java.lang.Math", "java.lang.StrictMath") && name.equals("random")
        || isAny(owner, "java.util.concurrent.ThreadLocalRandom", "java.util.random.RandomGeneratorFactory")
        || isAny(owner, "java.util.UUID") && name.equals("randomUUID")
        || isAny(owner, "java.security.SecureRandom", "java.util.random.RandomGenerator") && isStatic
        || isAny(owner, "java.util.Collections") && name.equals("shuffle") && method.getParameters().size() == 1) {
      report(Lint.RANDOMNESS, getCurrentPath(), text);
      return;
    }
    String threads = threadUse(owner, name, isStatic);
    if (threads != null) {
      report(Lint.THREADS, getCurrentPath(), text, threads);
    }
  }

  /** How a call to {@code owner.name} uses threads ("blocks the thread"...), or null. */
  private String threadUse(TypeElement owner, String name, boolean isStatic) {
    if (isAny(owner, "java.lang.Object") && (name.equals("wait") || name.equals("notify") || name.equals("notifyAll"))) {
      return "waits on or wakes a monitor";
    }
    if (isAny(owner, "java.lang.Thread")) {
      return switch (name) {
        case "sleep", "join", "yield", "onSpinWait" -> "blocks the thread";
        case "start", "startVirtualThread", "ofVirtual", "ofPlatform", "run" -> "runs code on another thread";
        default -> null;
      };
    }
    if (isAny(owner, "java.util.concurrent.TimeUnit") && (name.equals("sleep") || name.startsWith("timed"))
        || isAny(owner, "java.util.concurrent.locks.LockSupport")) {
      return "blocks the thread";
    }
    if (isAny(owner, "java.util.concurrent.Executors", "java.util.concurrent.CompletableFuture", "java.util.Timer")
        || isSubclassOf(owner, "java.util.concurrent.Executor")) {
      return "runs code on another thread";
    }
    if (isAny(owner, "java.util.Collection") && name.equals("parallelStream")
        || isAny(owner, "java.util.stream.BaseStream") && name.equals("parallel")) {
      return "runs code on the common fork-join pool's threads";
    }
    return null;
  }

  // ---- messages ----

  private void checkMessage(ExecutableElement method, ExpressionTree receiver, MethodInvocationTree tree, String text) {
    TypeElement context = elements.getTypeElement(CONTEXT);
    if (context == null) {
      return;
    }
    int messageIndex =
        switch (method.getSimpleName().toString()) {
          case "send", "setTimerMicros", "setTimerMs" -> 1;
          case "reply" -> 0;
          default -> -1;
        };
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    if (messageIndex < 0
        || method.getParameters().size() != messageIndex + 1
        || !types.isSubtype(types.erasure(owner.asType()), types.erasure(context.asType()))) {
      return;
    }
    ExpressionTree message = tree.getArguments().get(messageIndex);
    TypeMirror type = trees.getTypeMirror(pathOf(message));
    if (type == null
        || type.getKind().isPrimitive()
        || type.getKind() == TypeKind.NULL
        || type.getKind() != TypeKind.DECLARED && type.getKind() != TypeKind.ARRAY
        || isAnyType(type, "java.lang.Object")
        || NodeValidator.isOpen(type)) {
      return; // The runtime checks each message of an open type as it is sent.
    }
    ShapeResolver resolver = new ShapeResolver(types, elements, elements.getPackageOf(owningClass()));
    ShapeResolver.Result result = resolver.resolve(type);
    String problem = result.ok() ? NodeValidator.messageProblem(result.shape(), true) : result.problem();
    if (problem != null) {
      report(Lint.MESSAGE_TYPE, pathOf(message), text, "a " + type, problem);
    }
  }

  private TypeElement owningClass() {
    for (TreePath at = getCurrentPath(); at != null; at = at.getParentPath()) {
      if (at.getLeaf() instanceof ClassTree && trees.getElement(at) instanceof TypeElement type) {
        return type;
      }
    }
    throw new IllegalStateException("a call outside any class");
  }

  // ---- hash order ----

  @Override
  public Void visitEnhancedForLoop(EnhancedForLoopTree tree, Void unused) {
    if (checking()) {
      String origin = hashOrigin(tree.getExpression());
      if (origin != null) {
        report(Lint.HASH_ORDER, pathOf(tree.getExpression()), "this for-each loop", shortText(tree.getExpression()), origin);
      }
    }
    return super.visitEnhancedForLoop(tree, unused);
  }

  @Override
  public Void visitBinary(BinaryTree tree, Void unused) {
    if (checking() && tree.getKind() == Tree.Kind.PLUS && isAnyType(trees.getTypeMirror(getCurrentPath()), "java.lang.String")) {
      for (ExpressionTree operand : List.of(tree.getLeftOperand(), tree.getRightOperand())) {
        String origin = hashOrigin(operand);
        if (origin != null) {
          report(Lint.HASH_ORDER, pathOf(operand), "joining it to a string", shortText(operand), origin);
        }
      }
    }
    return super.visitBinary(tree, unused);
  }

  /**
   * Reports a hash-ordered argument copied into {@code into}, an ordered collection or a string
   * (null): {@code new ArrayList<>(set)}, {@code list.addAll(set)}, {@code String.join(",", set)}.
   * Sorted collections and hash-ordered ones are order-free, so copying into them is fine.
   */
  private void checkCopiesHashOrder(TypeElement into, List<? extends ExpressionTree> arguments, String text) {
    if (into != null
        && (!(isSubclassOf(into, "java.util.Collection") || isSubclassOf(into, "java.util.Map"))
            || isSubclassOf(into, "java.util.SortedSet")
            || isSubclassOf(into, "java.util.SortedMap")
            || isSubclassOf(into, "java.util.PriorityQueue")
            || isHashOrderedType(into.asType()))) {
      return;
    }
    for (ExpressionTree argument : arguments) {
      String origin = hashOrigin(argument);
      if (origin != null) {
        report(Lint.HASH_ORDER, pathOf(argument), text, shortText(argument), origin);
      }
    }
  }

  /**
   * How {@code expression} came to hold a hash-ordered collection ("a HashSet", "made by
   * Set.of"), or null when it does not, or cannot be told to.
   */
  private String hashOrigin(ExpressionTree expression) {
    ExpressionTree bare = unwrap(expression);
    TypeMirror type = trees.getTypeMirror(pathOf(bare));
    if (isHashOrderedType(type)) {
      return "a " + types.asElement(type).getSimpleName();
    }
    if (bare instanceof MethodInvocationTree call
        && trees.getElement(new TreePath(pathOf(bare), call.getMethodSelect())) instanceof ExecutableElement method) {
      String name = method.getSimpleName().toString();
      TypeElement owner = (TypeElement) method.getEnclosingElement();
      if (isAny(owner, "java.util.Set", "java.util.Map")
          && (name.equals("of") || name.equals("ofEntries") || name.equals("copyOf"))) {
        return "made by " + owner.getSimpleName() + "." + name;
      }
      if (name.equals("collect") && call.getArguments().size() == 1) {
        String collector = hashCollector(call.getArguments().get(0));
        if (collector != null) {
          return collector;
        }
      }
      if ((name.equals("keySet") || name.equals("values") || name.equals("entrySet"))
          && call.getMethodSelect() instanceof MemberSelectTree select) {
        String origin = hashOrigin(select.getExpression());
        return origin == null ? null : "a view of " + shortText(select.getExpression()) + ", " + origin;
      }
      return null;
    }
    if (bare instanceof ConditionalExpressionTree conditional) {
      String origin = hashOrigin(conditional.getTrueExpression());
      return origin != null ? origin : hashOrigin(conditional.getFalseExpression());
    }
    if (bare instanceof com.sun.source.tree.IdentifierTree || bare instanceof MemberSelectTree) {
      return hashOrdered.get(trees.getElement(pathOf(bare)));
    }
    return null;
  }

  private String hashCollector(ExpressionTree argument) {
    if (unwrap(argument) instanceof MethodInvocationTree collector
        && trees.getElement(new TreePath(pathOf(argument), collector.getMethodSelect())) instanceof ExecutableElement method
        && isAny((TypeElement) method.getEnclosingElement(), "java.util.stream.Collectors")) {
      String name = method.getSimpleName().toString();
      boolean defaultMap = collector.getArguments().size() <= (name.startsWith("toMap") ? 3 : name.equals("groupingBy") ? 2 : 1);
      if (defaultMap
          && (name.equals("toSet") || name.equals("toUnmodifiableSet") || name.equals("toMap")
              || name.equals("toUnmodifiableMap") || name.equals("groupingBy"))) {
        return "made by Collectors." + name;
      }
    }
    return null;
  }

  private boolean isHashOrderedType(TypeMirror type) {
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement element = (TypeElement) types.asElement(type);
    for (String ordered : ORDERED_SUBCLASSES) {
      if (isSubclassOf(element, ordered)) {
        return false;
      }
    }
    for (String hashed : HASH_COLLECTIONS) {
      if (isSubclassOf(element, hashed)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Finds the fields and locals of the class at {@code root} that are given a hash-ordered
   * collection, by initializer or assignment, also from another such variable (two passes follow
   * {@code b = a} after {@code a = new HashSet<>()} whichever comes first in the source).
   */
  private void collectHashOrderedVariables(TreePath root) {
    for (int pass = 0; pass < 2; pass++) {
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree tree, Void unused) {
          if (tree.getInitializer() != null) {
            mark(trees.getElement(getCurrentPath()), new TreePath(getCurrentPath(), tree.getInitializer()));
          }
          return super.visitVariable(tree, unused);
        }

        @Override
        public Void visitAssignment(AssignmentTree tree, Void unused) {
          mark(
              trees.getElement(new TreePath(getCurrentPath(), tree.getVariable())),
              new TreePath(getCurrentPath(), tree.getExpression()));
          return super.visitAssignment(tree, unused);
        }

        private void mark(Element variable, TreePath value) {
          if (variable instanceof VariableElement && !hashOrdered.containsKey(variable)) {
            TreePath saved = currentOverride;
            currentOverride = value.getParentPath();
            try {
              String origin = hashOrigin((ExpressionTree) value.getLeaf());
              if (origin != null) {
                hashOrdered.put(variable, origin);
              }
            } finally {
              currentOverride = saved;
            }
          }
        }
      }.scan(root, null);
    }
  }

  private TreePath pathOf(Tree tree) {
    TreePath parent = currentOverride != null ? currentOverride : getCurrentPath();
    return new TreePath(parent, tree);
  }

  // ---- identity hashes ----

  /**
   * Why a value of {@code type} hashes by identity (an enum, an array, a class that does not
   * override {@code hashCode}, or a record with such a component), or null when it does not or
   * cannot be known (an interface, Object, a type variable).
   */
  private String unstableHash(TypeMirror type, int depth) {
    if (type == null || depth > 4) {
      return null;
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return "an array hashes by identity";
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    String name = element.getSimpleName().toString();
    switch (element.getKind()) {
      case ENUM:
        return name + " is an enum, and an enum's hashCode is Object's";
      case RECORD:
        for (RecordComponentElement component : element.getRecordComponents()) {
          String reason = unstableHash(component.asType(), depth + 1);
          if (reason != null) {
            return "record " + name + " hashes its component " + component.getSimpleName() + ": " + reason;
          }
        }
        return null;
      case CLASS:
        if (isAny(element, "java.lang.Object")) {
          return null;
        }
        return overridesHashCode(element) ? null : name + " does not override hashCode";
      default:
        return null;
    }
  }

  private boolean overridesHashCode(TypeElement type) {
    for (TypeElement at = type; at != null && !isAny(at, "java.lang.Object", "java.lang.Enum"); at = superclass(at)) {
      for (ExecutableElement method : ElementFilter.methodsIn(at.getEnclosedElements())) {
        if (method.getSimpleName().contentEquals("hashCode") && method.getParameters().isEmpty()) {
          return true;
        }
      }
    }
    return false;
  }

  private TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    return superclass.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(superclass) : null;
  }

  // ---- helpers ----

  private void report(Lint lint, TreePath path, Object... arguments) {
    reporter.report(lint, lint.format(arguments), path, unit);
  }

  private TypeElement typeOf(ExpressionTree expression) {
    TypeMirror type = trees.getTypeMirror(pathOf(expression));
    return type != null && type.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(type) : null;
  }

  private static boolean isAny(TypeElement type, String... qualifiedNames) {
    if (type == null) {
      return false;
    }
    for (String name : qualifiedNames) {
      if (type.getQualifiedName().contentEquals(name)) {
        return true;
      }
    }
    return false;
  }

  private boolean isAnyType(TypeMirror type, String qualifiedName) {
    return type != null && type.getKind() == TypeKind.DECLARED && isAny((TypeElement) types.asElement(type), qualifiedName);
  }

  private boolean isSubclassOf(TypeElement type, String qualifiedName) {
    TypeElement base = elements.getTypeElement(qualifiedName);
    return type != null && base != null && types.isSubtype(types.erasure(type.asType()), types.erasure(base.asType()));
  }

  private static ExpressionTree unwrap(ExpressionTree expression) {
    ExpressionTree at = expression;
    while (true) {
      if (at instanceof ParenthesizedTree parenthesized) {
        at = parenthesized.getExpression();
      } else if (at instanceof TypeCastTree cast) {
        at = cast.getExpression();
      } else {
        return at;
      }
    }
  }

  /** {@code peers.forEach(...)}, {@code System.nanoTime()}: the call, with its arguments elided. */
  private static String callText(MethodInvocationTree tree) {
    return shortText(tree.getMethodSelect()) + (tree.getArguments().isEmpty() ? "()" : "(...)");
  }

  private static String shortText(Tree tree) {
    String text = tree.toString().replaceAll("\\s+", " ");
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
