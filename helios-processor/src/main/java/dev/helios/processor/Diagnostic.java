package dev.helios.processor;

import java.util.Locale;

/**
 * Every error the processor reports (and its one note, {@link #LINT_SKIPPED}), each with a stable
 * tag; the determinism checks' warnings are {@link Lint}. A message states the rule in the
 * present tense and, where there is one, the fix. {@code %s} slots are filled in order.
 */
enum Diagnostic {
  NODE_NOT_CLASS("NodeNotClass", "@%s applies to classes, and %s is %s; make it a final class"),
  NODE_ABSTRACT(
      "NodeAbstract",
      "@%s class %s is abstract; the runtime needs instances of it, so make it concrete"),
  NODE_INNER_NOT_STATIC(
      "NodeInnerNotStatic",
      "@%s class %s is an inner class; the runtime creates it without an outer instance, so make"
          + " it static"),
  NODE_PRIVATE(
      "NodePrivate",
      "@%s class %s %s; the generated companion beside it cannot reach it, so make %s"
          + " package-private"),
  NODE_LOCAL(
      "NodeLocal",
      "@%s class %s is a local or anonymous class; declare it at the top level or as a static"
          + " nested class"),
  NODE_GENERIC(
      "NodeGeneric",
      "@%s class %s has type parameters, which the generated companion cannot copy; remove them"),
  NODE_AND_COPYABLE(
      "NodeAndCopyable",
      "@Node class %s is also annotated @Copyable; a node is never part of another node's state,"
          + " so remove @Copyable"),
  NO_CONSTRUCTOR(
      "NoConstructor",
      "@Copyable class %s has no constructor without parameters that is not private; add one,"
          + " because copies start from a fresh instance"),
  HANDLER_OUTSIDE_NODE(
      "HandlerOutsideNode",
      "@%s method %s is in %s, which is not a @Node class; annotate the class with @Node"),
  HANDLER_PRIVATE(
      "HandlerPrivate",
      "@%s method %s is private; the generated companion calls it, so make it package-private"),
  HANDLER_STATIC(
      "HandlerStatic",
      "@%s method %s is static; it runs for one node instance, so remove static"),
  HANDLER_NOT_VOID(
      "HandlerNotVoid",
      "@%s method %s must return void, not %s; send messages with context.send or context.reply"),
  HANDLER_PARAMETERS(
      "HandlerParameters",
      "@%s method %s takes (%s); it must take %s"),
  HANDLER_PRIMITIVE_MESSAGE(
      "HandlerPrimitiveMessage",
      "@OnMessage method %s takes the primitive %s as its message; messages are objects, so use"
          + " %s or a record"),
  HANDLER_MESSAGE_NOT_VISIBLE(
      "HandlerMessageNotVisible",
      "@OnMessage method %s takes %s, which the generated companion in package %s cannot name;"
          + " make it public, or package-private in that package"),
  HANDLER_MESSAGE_NOT_VALUE(
      "MessageNotValue",
      "@OnMessage method %s takes %s, which is not an immutable value: %s; a message is shared by the"
          + " network and by every fork of a simulation, so it must never change: use a String, enum, record"
          + " or final class of immutable values, or a final class annotated @Copyable, which forks copy"),
  HANDLER_DUPLICATE(
      "HandlerDuplicate",
      "@OnMessage method %s handles %s, which %s already handles; keep one handler per message"
          + " type"),
  START_DUPLICATE(
      "StartDuplicate",
      "@OnStart method %s is the second in %s, after %s; a node has at most one @OnStart method"),
  FIELD_NOT_ACCESSIBLE(
      "FieldNotAccessible",
      "field %s is %s, so the generated companion, which copies state field by field, cannot"
          + " reach it; make it package-private"),
  FIELD_HIDDEN(
      "FieldHidden",
      "field %s hides the field %s; the generated companion copies state by field name and would"
          + " miss the hidden one, so rename one of them"),
  FIELD_NOT_COPYABLE(
      "FieldNotCopyable",
      "field %s of type %s cannot be copied: %s; use a primitive, String, enum, immutable JDK value"
          + " (Instant, Duration, LocalDate, UUID, BigInteger, BigDecimal...), record or final class of"
          + " immutable values, one of " + Shape.CollectionKind.supportedNames() + " of copyable values, an"
          + " array of copyable values, or a final class annotated @Copyable"),
  FINAL_FIELD_NOT_REFILLABLE(
      "FinalFieldNotRefillable",
      "final field %s of type %s holds a value with mutable parts, which a copy can neither assign"
          + " (the field is final) nor refill in place (a record's components are final); make the field"
          + " non-final"),
  DURABLE_STATIC(
      "DurableStatic",
      "@Durable field %s of %s is static; only a node's instance fields survive a restart, so"
          + " remove static or remove @Durable"),
  DURABLE_OUTSIDE_NODE(
      "DurableOutsideNode",
      "@Durable field %s is in %s, which is not a @Node class; only nodes restart, so annotate the"
          + " class with @Node or remove @Durable"),
  MAIN_NOT_CLASS(
      "MainNotClass",
      "@SimulationMain applies to classes, and %s is %s; put build(long seed) in a class"),
  MAIN_NOT_REACHABLE(
      "MainNotReachable",
      "@SimulationMain class %s is private; the generated main beside it cannot call it, so make it"
          + " package-private or public"),
  MAIN_NO_BUILD(
      "MainNoBuild",
      "@SimulationMain class %s has no build method; add public static Simulation build(long seed)"),
  MAIN_BUILD_SHAPE(
      "MainBuildShape",
      "@SimulationMain method build must be public static Simulation build(long seed), but %s"),
  MAIN_SCENARIOS_SHAPE(
      "MainScenariosShape",
      "@SimulationMain method scenarios must be public static ScenarioBuilder scenarios(Simulation sim),"
          + " but %s; fix it, or rename the method if it is not meant for --explore"),
  UNRESOLVED_TYPE(
      "UnresolvedType",
      "@%s class %s could not be processed because the type %s never resolved (in %s); it is missing from"
          + " the classpath, or the annotation processor that should generate it failed: add the library that"
          + " declares it to the classpath, or fix that processor's errors"),
  STRICT_OPTION(
      "StrictOption",
      "-A%s=%s is not a setting: %s is true (every determinism finding is an error) or false (each is a"
          + " warning, the default)"),
  LINT_SKIPPED(
      "LintSkipped",
      "the determinism checks (WallClock, Randomness, Threads, StaticState, HashOrder, IdentityHash,"
          + " MessageType) read method bodies through javac's Compiler Tree API, com.sun.source.util.Trees,"
          + " which this compiler does not provide, so they were skipped; everything else was generated as"
          + " usual"),
  WRITE_FAILED("WriteFailed", "cannot write %s: %s"),
  UNEXPECTED(
      "Unexpected",
      "the Helios processor failed unexpectedly on %s; please report this with the stack trace: %s");

  private final String tag;
  private final String template;

  Diagnostic(String tag, String template) {
    this.tag = tag;
    this.template = template;
  }

  /** The stable tag, e.g. {@code HandlerNotVoid}. */
  String tag() {
    return tag;
  }

  /** The full message: {@code [Helios:Tag] text}. */
  String format(Object... arguments) {
    return "[Helios:" + tag + "] " + String.format(Locale.ROOT, template, arguments);
  }
}
