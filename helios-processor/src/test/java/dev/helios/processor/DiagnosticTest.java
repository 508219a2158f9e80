package dev.helios.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.helios.processor.Compilations.assertError;
import static dev.helios.processor.Compilations.assertErrors;
import static dev.helios.processor.Compilations.compile;
import static dev.helios.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test, at least, per {@link Diagnostic}: the compilation fails with exactly the expected
 * errors, each with its tag and text, on the line at fault. {@link DiagnosticCoverageTest} fails
 * when a diagnostic has no test here.
 */
class DiagnosticTest {

  // ---- the annotated class ----

  @Test
  @Covers(Diagnostic.NODE_NOT_CLASS)
  void nodeOnInterface() {
    JavaFileObject file =
        source(
            "test.Api",
            """
            package test;
            import dev.helios.annotations.Node;
            @Node
            interface Api {}
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:NodeNotClass] @Node applies to classes, and Api is an interface; make it a final class",
        "interface Api");
  }

  @Test
  @Covers(Diagnostic.NODE_NOT_CLASS)
  void nodeOnEnum() {
    JavaFileObject file =
        source(
            "test.Color",
            """
            package test;
            import dev.helios.annotations.Node;
            @Node
            enum Color { RED, GREEN }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:NodeNotClass] @Node applies to classes, and Color is an enum; make it a final class",
        "enum Color");
  }

  @Test
  @Covers(Diagnostic.NODE_NOT_CLASS)
  void nodeOnRecord() {
    JavaFileObject file =
        source(
            "test.Point",
            """
            package test;
            import dev.helios.annotations.Node;
            @Node
            record Point(int x, int y) {}
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:NodeNotClass] @Node applies to classes, and Point is a record, whose state cannot"
            + " change; make it a final class",
        "record Point");
  }

  @Test
  @Covers(Diagnostic.NODE_NOT_CLASS)
  void nodeOnAnnotationType() {
    JavaFileObject file =
        source(
            "test.Marker",
            """
            package test;
            import dev.helios.annotations.Node;
            @Node
            @interface Marker {}
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:NodeNotClass] @Node applies to classes, and Marker is an annotation type",
        "@interface Marker");
  }

  @Test
  @Covers(Diagnostic.NODE_NOT_CLASS)
  void copyableOnInterface() {
    JavaFileObject file =
        source(
            "test.Shared",
            """
            package test;
            import dev.helios.annotations.Copyable;
            @Copyable
            interface Shared {}
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:NodeNotClass] @Copyable applies to classes, and Shared is an interface",
        "interface Shared");
  }

  @Test
  @Covers(Diagnostic.NODE_ABSTRACT)
  void nodeAbstract() {
    JavaFileObject file =
        source(
            "test.Base",
            """
            package test;
            import dev.helios.annotations.Node;
            @Node
            abstract class Base {
              long count;
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:NodeAbstract] @Node class Base is abstract; the runtime needs instances of it, so"
            + " make it concrete",
        "abstract class Base");
  }

  @Test
  @Covers(Diagnostic.NODE_INNER_NOT_STATIC)
  void nodeInnerNotStatic() {
    JavaFileObject file =
        source(
            "test.Outer",
            """
            package test;
            import dev.helios.annotations.Node;
            class Outer {
              @Node
              final class Inner {
                long count;
              }
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:NodeInnerNotStatic] @Node class Inner is an inner class; the runtime creates it"
            + " without an outer instance, so make it static",
        "final class Inner");
  }

  @Test
  @Covers(Diagnostic.NODE_PRIVATE)
  void nodePrivate() {
    JavaFileObject file =
        source(
            "test.Outer",
            """
            package test;
            import dev.helios.annotations.Node;
            class Outer {
              @Node
              private static final class Hidden {
                long count;
              }
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:NodePrivate] @Node class Hidden is private; the generated companion beside it"
            + " cannot reach it, so make it package-private",
        "class Hidden");
  }

  @Test
  @Covers(Diagnostic.NODE_PRIVATE)
  void nodeInsidePrivateClass() {
    JavaFileObject file =
        source(
            "test.Outer",
            """
            package test;
            import dev.helios.annotations.Node;
            class Outer {
              private static class Middle {
                @Node
                static final class Leaf {
                  long count;
                }
              }
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:NodePrivate] @Node class Leaf is inside the private class Middle; the generated"
            + " companion beside it cannot reach it, so make Middle package-private",
        "class Leaf");
  }

  @Test
  @Covers(Diagnostic.NODE_LOCAL)
  void nodeLocal() {
    JavaFileObject file =
        source(
            "test.Factory",
            """
            package test;
            import dev.helios.annotations.Node;
            import dev.helios.annotations.OnMessage;
            class Factory {
              Object make() {
                @Node
                final class Local {
                  @OnMessage
                  void onText(String text) {}
                }
                return new Local();
              }
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:NodeLocal] @Node class Local is a local or anonymous class; declare it at the top"
            + " level or as a static nested class",
        "final class Local");
  }

  @Test
  @Covers(Diagnostic.NODE_LOCAL)
  void copyableLocal() {
    JavaFileObject file =
        source(
            "test.Factory",
            """
            package test;
            import dev.helios.annotations.*;
            class Factory {
              Runnable make() {
                return () -> {
                  @dev.helios.annotations.Copyable
                  class Cell {
                    long value;
                  }
                  new Cell();
                };
              }
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:NodeLocal] @Copyable class Cell is a local or anonymous class",
        "class Cell");
  }

  @Test
  @Covers(Diagnostic.NODE_GENERIC)
  void nodeGeneric() {
    JavaFileObject file =
        source(
            "test.Box",
            """
            package test;
            import dev.helios.annotations.Node;
            @Node
            final class Box<T> {
              long count;
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:NodeGeneric] @Node class Box has type parameters, which the generated companion"
            + " cannot copy; remove them",
        "final class Box<T>");
  }

  @Test
  @Covers(Diagnostic.NODE_AND_COPYABLE)
  void nodeAndCopyable() {
    JavaFileObject file =
        source(
            "test.Both",
            """
            package test;
            import dev.helios.annotations.Copyable;
            import dev.helios.annotations.Node;
            @Node
            @Copyable
            final class Both {
              long count;
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:NodeAndCopyable] @Node class Both is also annotated @Copyable; a node is never"
            + " part of another node's state, so remove @Copyable",
        "final class Both");
  }

  @Test
  @Covers(Diagnostic.NO_CONSTRUCTOR)
  void copyableWithoutNoArgConstructor() {
    JavaFileObject file =
        source(
            "test.Counter",
            """
            package test;
            import dev.helios.annotations.Copyable;
            @Copyable
            final class Counter {
              long value;

              Counter(long value) {
                this.value = value;
              }
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:NoConstructor] @Copyable class Counter has no constructor without parameters that"
            + " is not private; add one, because copies start from a fresh instance",
        "final class Counter");
  }

  @Test
  @Covers(Diagnostic.NO_CONSTRUCTOR)
  void copyableWithPrivateNoArgConstructor() {
    JavaFileObject file =
        source(
            "test.Counter",
            """
            package test;
            import dev.helios.annotations.Copyable;
            @Copyable
            final class Counter {
              long value;

              private Counter() {}
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:NoConstructor] @Copyable class Counter has no constructor without parameters",
        "final class Counter");
  }

  // ---- handlers ----

  @Test
  @Covers(Diagnostic.HANDLER_OUTSIDE_NODE)
  void handlersOutsideNode() {
    JavaFileObject file =
        source(
            "test.Plain",
            """
            package test;
            import dev.helios.annotations.OnMessage;
            import dev.helios.annotations.OnStart;
            final class Plain {
              @OnMessage
              void onText(String text) {}

              @OnStart
              void begin() {}
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 2);
    assertError(
        compilation,
        file,
        "[Helios:HandlerOutsideNode] @OnMessage method onText is in Plain, which is not a @Node"
            + " class; annotate the class with @Node",
        "void onText");
    assertError(
        compilation,
        file,
        "[Helios:HandlerOutsideNode] @OnStart method begin is in Plain, which is not a @Node class",
        "void begin");
  }

  @Test
  @Covers(Diagnostic.HANDLER_PRIVATE)
  void handlersPrivate() {
    JavaFileObject file =
        source(
            "test.Secretive",
            """
            package test;
            import dev.helios.annotations.Node;
            import dev.helios.annotations.OnMessage;
            import dev.helios.annotations.OnStart;
            @Node
            final class Secretive {
              @OnMessage
              private void onText(String text) {}

              @OnStart
              private void begin() {}
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 2);
    assertError(
        compilation,
        file,
        "[Helios:HandlerPrivate] @OnMessage method onText is private; the generated companion calls"
            + " it, so make it package-private",
        "void onText");
    assertError(
        compilation,
        file,
        "[Helios:HandlerPrivate] @OnStart method begin is private",
        "void begin");
  }

  @Test
  @Covers(Diagnostic.HANDLER_STATIC)
  void handlersStatic() {
    JavaFileObject file =
        source(
            "test.Shared",
            """
            package test;
            import dev.helios.annotations.Node;
            import dev.helios.annotations.OnMessage;
            import dev.helios.annotations.OnStart;
            @Node
            final class Shared {
              @OnMessage
              static void onText(String text) {}

              @OnStart
              static void begin() {}
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 2);
    assertError(
        compilation,
        file,
        "[Helios:HandlerStatic] @OnMessage method onText is static; it runs for one node instance,"
            + " so remove static",
        "void onText");
    assertError(
        compilation, file, "[Helios:HandlerStatic] @OnStart method begin is static", "void begin");
  }

  @Test
  @Covers(Diagnostic.HANDLER_NOT_VOID)
  void handlersNotVoid() {
    JavaFileObject file =
        source(
            "test.Answering",
            """
            package test;
            import dev.helios.annotations.Node;
            import dev.helios.annotations.OnMessage;
            import dev.helios.annotations.OnStart;
            @Node
            final class Answering {
              @OnMessage
              int onText(String text) {
                return text.length();
              }

              @OnStart
              String begin() {
                return "started";
              }
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 2);
    assertError(
        compilation,
        file,
        "[Helios:HandlerNotVoid] @OnMessage method onText must return void, not int; send messages"
            + " with context.send or context.reply",
        "int onText");
    assertError(
        compilation,
        file,
        "[Helios:HandlerNotVoid] @OnStart method begin must return void, not java.lang.String",
        "String begin");
  }

  @Test
  @Covers(Diagnostic.HANDLER_PARAMETERS)
  void handlerParameters() {
    JavaFileObject file =
        source(
            "test.Confused",
            """
            package test;
            import dev.helios.annotations.Node;
            import dev.helios.annotations.OnMessage;
            import dev.helios.annotations.OnStart;
            import dev.helios.runtime.Context;
            @Node
            final class Confused {
              @OnMessage
              void onNothing() {}

              @OnMessage
              void onThree(String text, Context context, int extra) {}

              @OnMessage
              void onSecondNotContext(String text, int extra) {}

              @OnStart
              void begin(String text) {}
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 4);
    assertError(
        compilation,
        file,
        "[Helios:HandlerParameters] @OnMessage method onNothing takes (); it must take (Message) or"
            + " (Message, Context)",
        "void onNothing");
    assertError(
        compilation,
        file,
        "[Helios:HandlerParameters] @OnMessage method onThree takes (java.lang.String,"
            + " dev.helios.runtime.Context, int); it must take (Message) or (Message, Context)",
        "void onThree");
    assertError(
        compilation,
        file,
        "[Helios:HandlerParameters] @OnMessage method onSecondNotContext takes (java.lang.String,"
            + " int); it must take (Message) or (Message, Context)",
        "void onSecondNotContext");
    assertError(
        compilation,
        file,
        "[Helios:HandlerParameters] @OnStart method begin takes (java.lang.String); it must take ()"
            + " or (Context)",
        "void begin");
  }

  @Test
  @Covers(Diagnostic.HANDLER_PARAMETERS)
  void handlerMessageTypeVariable() {
    JavaFileObject file =
        source(
            "test.Anything",
            """
            package test;
            import dev.helios.annotations.Node;
            import dev.helios.annotations.OnMessage;
            @Node
            final class Anything {
              @OnMessage
              <T> void onAnything(T message) {}
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:HandlerParameters] @OnMessage method onAnything takes (T); it must take a class,"
            + " interface, record or array as the message type",
        "void onAnything");
  }

  @Test
  @Covers(Diagnostic.HANDLER_PRIMITIVE_MESSAGE)
  void handlerPrimitiveMessage() {
    JavaFileObject file =
        source(
            "test.Counting",
            """
            package test;
            import dev.helios.annotations.Node;
            import dev.helios.annotations.OnMessage;
            @Node
            final class Counting {
              @OnMessage
              void onCount(
                  long count) {}
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:HandlerPrimitiveMessage] @OnMessage method onCount takes the primitive long as its"
            + " message; messages are objects, so use Long or a record",
        "long count");
  }

  @Test
  @Covers(Diagnostic.HANDLER_MESSAGE_NOT_VISIBLE)
  void handlerMessagePrivate() {
    JavaFileObject file =
        source(
            "test.Keeper",
            """
            package test;
            import dev.helios.annotations.Node;
            import dev.helios.annotations.OnMessage;
            @Node
            final class Keeper {
              private record Secret(long value) {}

              @OnMessage
              void onSecret(
                  Secret secret) {}
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:HandlerMessageNotVisible] @OnMessage method onSecret takes test.Keeper.Secret,"
            + " which the generated companion in package test cannot name; make it public, or"
            + " package-private in that package",
        "Secret secret");
  }

  @Test
  @Covers(Diagnostic.HANDLER_MESSAGE_NOT_VISIBLE)
  void handlerMessageProtectedInSuperclass() {
    JavaFileObject base =
        source(
            "other.Base",
            """
            package other;
            public class Base {
              protected static final class Note {}
            }
            """);
    JavaFileObject file =
        source(
            "test.Reader",
            """
            package test;
            import dev.helios.annotations.Node;
            import dev.helios.annotations.OnMessage;
            @Node
            final class Reader extends other.Base {
              @OnMessage
              void onNote(
                  Note note) {}

              @OnMessage
              void onNotes(
                  Note[] notes) {}
            }
            """);
    Compilation compilation = compile(base, file);
    // The node may name a protected class it inherits; its companion, a separate class, may not.
    assertErrors(compilation, 2);
    assertError(
        compilation,
        file,
        "[Helios:HandlerMessageNotVisible] @OnMessage method onNote takes other.Base.Note, which the"
            + " generated companion in package test cannot name; make it public, or package-private"
            + " in that package",
        "Note note");
    assertError(
        compilation,
        file,
        "[Helios:HandlerMessageNotVisible] @OnMessage method onNotes takes other.Base.Note[]",
        "Note[] notes");
  }

  @Test
  @Covers(Diagnostic.HANDLER_DUPLICATE)
  void handlerDuplicate() {
    JavaFileObject file =
        source(
            "test.Twice",
            """
            package test;
            import dev.helios.annotations.Node;
            import dev.helios.annotations.OnMessage;
            import dev.helios.runtime.Context;
            import java.util.List;
            @Node
            final class Twice {
              @OnMessage
              void onText(String text) {}

              @OnMessage
              void onTextAgain(String text, Context context) {}

              @OnMessage
              void onWords(List<String> words) {}

              @OnMessage
              void onNumbers(List<Long> numbers) {}
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 2);
    assertError(
        compilation,
        file,
        "[Helios:HandlerDuplicate] @OnMessage method onTextAgain handles java.lang.String, which"
            + " onText already handles; keep one handler per message type",
        "void onTextAgain");
    assertError(
        compilation,
        file,
        "[Helios:HandlerDuplicate] @OnMessage method onNumbers handles java.util.List, which"
            + " onWords already handles",
        "void onNumbers");
  }

  @Test
  @Covers(Diagnostic.START_DUPLICATE)
  void startDuplicate() {
    JavaFileObject file =
        source(
            "test.Starter",
            """
            package test;
            import dev.helios.annotations.Node;
            import dev.helios.annotations.OnStart;
            import dev.helios.runtime.Context;
            @Node
            final class Starter {
              @OnStart
              void begin() {}

              @OnStart
              void beginAgain(Context context) {}
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:StartDuplicate] @OnStart method beginAgain is the second in Starter, after begin;"
            + " a node has at most one @OnStart method",
        "void beginAgain");
  }

  // ---- state fields ----

  @Test
  @Covers(Diagnostic.FIELD_NOT_ACCESSIBLE)
  void fieldPrivate() {
    JavaFileObject file =
        source(
            "test.Counter",
            """
            package test;
            import dev.helios.annotations.Node;
            @Node
            final class Counter {
              private long count;
              long visible;
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:FieldNotAccessible] field Counter.count is private, so the generated companion,"
            + " which copies state field by field, cannot reach it; make it package-private",
        "private long count");
  }

  @Test
  @Covers(Diagnostic.FIELD_NOT_ACCESSIBLE)
  void inheritedFieldOfAnotherPackage() {
    JavaFileObject base =
        source(
            "other.Base",
            """
            package other;
            public class Base {
              protected long inherited;
            }
            """);
    JavaFileObject file =
        source(
            "test.Derived",
            """
            package test;
            import dev.helios.annotations.Node;
            @Node
            final class Derived extends other.Base {
              long own;
            }
            """);
    Compilation compilation = compile(base, file);
    assertErrors(compilation, 1);
    // Reported on the node class: that is where the user can act.
    assertError(
        compilation,
        file,
        "[Helios:FieldNotAccessible] field Base.inherited is declared in another package without"
            + " public access",
        "final class Derived");
  }

  @Test
  @Covers(Diagnostic.FIELD_HIDDEN)
  void fieldHidesASuperclassField() {
    JavaFileObject base =
        source(
            "test.Base",
            """
            package test;
            class Base {
              long count;
              long total;
            }
            """);
    JavaFileObject file =
        source(
            "test.Derived",
            """
            package test;
            import dev.helios.annotations.Node;
            @Node
            final class Derived extends Base {
              long count;
              long own;
            }
            """);
    Compilation compilation = compile(base, file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:FieldHidden] field Derived.count hides the field Base.count; the generated companion"
            + " copies state by field name and would miss the hidden one, so rename one of them",
        "long count");
  }

  @Test
  @Covers(Diagnostic.FIELD_NOT_COPYABLE)
  void fieldsNotCopyable() {
    JavaFileObject types =
        source(
            "test.Types",
            """
            package test;
            interface Open {}
            class Mutable {
              long value;
            }
            final class Cell {
              long value;
            }
            record Tagged(String name, Object payload) {}
            """);
    JavaFileObject file =
        source(
            "test.Holder",
            """
            package test;
            import dev.helios.annotations.Node;
            import java.util.List;
            @Node
            final class Holder {
              Object anything;
              Open open;
              Mutable mutable;
              Cell cell;
              List<Object> objects;
              @SuppressWarnings("rawtypes") List raw;
              Tagged tagged;
              long fine;
            }
            """);
    Compilation compilation = compile(types, file);
    assertErrors(compilation, 7);
    String objectProblem = "Object is a class that is not final, so a subclass could hold mutable state";
    assertError(
        compilation,
        file,
        "[Helios:FieldNotCopyable] field Holder.anything of type java.lang.Object cannot be copied: "
            + objectProblem
            + "; use a primitive, String, enum, immutable JDK value (Instant, Duration, LocalDate, UUID,"
            + " BigInteger, BigDecimal...), record or final class of immutable values, one of List, ArrayList,"
            + " LinkedList, Queue, Deque, ArrayDeque, Set, SortedSet, NavigableSet, HashSet, LinkedHashSet,"
            + " TreeSet, EnumSet, Map, SortedMap, NavigableMap, HashMap, LinkedHashMap, TreeMap, EnumMap of"
            + " copyable values, an array of copyable values, or a final class annotated @Copyable",
        "Object anything");
    assertError(
        compilation,
        file,
        "[Helios:FieldNotCopyable] field Holder.open of type test.Open cannot be copied: test.Open is"
            + " an interface that is not sealed, so its implementations are unknown",
        "Open open");
    assertError(
        compilation,
        file,
        "[Helios:FieldNotCopyable] field Holder.mutable of type test.Mutable cannot be copied: Mutable"
            + " is a class that is not final, so a subclass could hold mutable state",
        "Mutable mutable");
    assertError(
        compilation,
        file,
        "[Helios:FieldNotCopyable] field Holder.cell of type test.Cell cannot be copied: its field"
            + " Cell.value is not final; make Cell a record, make its fields final, or annotate it"
            + " with @Copyable",
        "Cell cell");
    assertError(
        compilation,
        file,
        "[Helios:FieldNotCopyable] field Holder.objects of type java.util.List<java.lang.Object>"
            + " cannot be copied: its type argument java.lang.Object cannot be copied: "
            + objectProblem,
        "List<Object> objects");
    assertError(
        compilation,
        file,
        "[Helios:FieldNotCopyable] field Holder.raw of type java.util.List cannot be copied: raw"
            + " java.util.List has no element type; add type arguments",
        "List raw");
    assertError(
        compilation,
        file,
        "[Helios:FieldNotCopyable] field Holder.tagged of type test.Tagged cannot be copied: record"
            + " Tagged's component payload cannot be copied: "
            + objectProblem,
        "Tagged tagged");
  }

  @Test
  @Covers(Diagnostic.FIELD_NOT_COPYABLE)
  void fieldOfHiddenType() {
    JavaFileObject file =
        source(
            "test.Holder",
            """
            package test;
            import dev.helios.annotations.Node;
            @Node
            final class Holder {
              private record Secret(long value) {}

              Secret secret;
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:FieldNotCopyable] field Holder.secret of type test.Holder.Secret cannot be copied:"
            + " test.Holder.Secret is not visible from package test",
        "Secret secret");
  }

  // ---- the processor itself ----

  @Test
  @Covers(Diagnostic.WRITE_FAILED)
  void companionNameTaken() {
    JavaFileObject taken =
        source(
            "test.Counter_Helios",
            """
            package test;
            final class Counter_Helios {}
            """);
    JavaFileObject file =
        source(
            "test.Counter",
            """
            package test;
            import dev.helios.annotations.Node;
            @Node
            final class Counter {
              long count;
            }
            """);
    Compilation compilation = compile(taken, file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:WriteFailed] cannot write test.Counter_Helios: ",
        "final class Counter");
  }

  // ---- everything at once ----

  @Test
  @Covers({
    Diagnostic.FIELD_NOT_ACCESSIBLE,
    Diagnostic.FIELD_NOT_COPYABLE,
    Diagnostic.HANDLER_STATIC,
    Diagnostic.HANDLER_NOT_VOID,
    Diagnostic.HANDLER_DUPLICATE,
    Diagnostic.HANDLER_PRIMITIVE_MESSAGE,
    Diagnostic.START_DUPLICATE
  })
  void reportsEveryProblemOfAClass() {
    JavaFileObject file =
        source(
            "test.Messy",
            """
            package test;
            import dev.helios.annotations.Node;
            import dev.helios.annotations.OnMessage;
            import dev.helios.annotations.OnStart;
            @Node
            final class Messy {
              private long hidden;
              Object anything;
              long fine;

              @OnMessage
              static void onStatic(String text) {}

              @OnMessage
              int onNumber(Long number) {
                return 0;
              }

              @OnMessage
              void onFirst(Integer number) {}

              @OnMessage
              void onSecond(Integer number) {}

              @OnMessage
              void onPrimitive(
                  double value) {}

              @OnStart
              void begin() {}

              @OnStart
              void beginAgain() {}
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 7);
    assertError(compilation, file, "[Helios:FieldNotAccessible] field Messy.hidden", "long hidden");
    assertError(compilation, file, "[Helios:FieldNotCopyable] field Messy.anything", "Object anything");
    assertError(compilation, file, "[Helios:HandlerStatic] @OnMessage method onStatic", "void onStatic");
    assertError(compilation, file, "[Helios:HandlerNotVoid] @OnMessage method onNumber", "int onNumber");
    assertError(compilation, file, "[Helios:HandlerDuplicate] @OnMessage method onSecond", "void onSecond");
    assertError(
        compilation, file, "[Helios:HandlerPrimitiveMessage] @OnMessage method onPrimitive", "double value");
    assertError(compilation, file, "[Helios:StartDuplicate] @OnStart method beginAgain", "void beginAgain");
  }

  @Test
  @Covers({Diagnostic.NODE_ABSTRACT, Diagnostic.NODE_INNER_NOT_STATIC, Diagnostic.FIELD_NOT_ACCESSIBLE})
  void classProblemsDoNotHideMemberProblems() {
    JavaFileObject file =
        source(
            "test.Outer",
            """
            package test;
            import dev.helios.annotations.Node;
            import dev.helios.annotations.OnMessage;
            class Outer {
              @Node
              abstract class Broken {
                private long hidden;

                @OnMessage
                static void onText(String text) {}
              }
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 4);
    assertError(compilation, file, "[Helios:NodeAbstract] @Node class Broken", "abstract class Broken");
    assertError(compilation, file, "[Helios:NodeInnerNotStatic] @Node class Broken", "abstract class Broken");
    assertError(compilation, file, "[Helios:FieldNotAccessible] field Broken.hidden", "long hidden");
    assertError(compilation, file, "[Helios:HandlerStatic] @OnMessage method onText", "void onText");
  }
}
