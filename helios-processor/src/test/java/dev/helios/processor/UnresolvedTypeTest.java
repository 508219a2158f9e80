package dev.helios.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.helios.processor.Compilations.assertError;
import static dev.helios.processor.Compilations.assertErrors;
import static dev.helios.processor.Compilations.compile;
import static dev.helios.processor.Compilations.compileWith;
import static dev.helios.processor.Compilations.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Classes that refer to a type another processor generates: the processor waits for it, however
 * deep in a field, supertype or handler it is, and processes the class once it exists; when it
 * never does, it reports that, and nothing the missing type would make it say.
 */
class UnresolvedTypeTest {
  /** What the other processor generates in most tests: an immutable value, legal as state and as a message. */
  private static final String MISSING_RECORD =
      """
      package test;
      record Missing(long value) {}
      """;

  private static final String FIX =
      "; it is missing from the classpath, or the annotation processor that should generate it failed: add the"
          + " library that declares it to the classpath, or fix that processor's errors";

  // ---- generated in a later round: processed then ----

  @Test
  void fieldOfAGeneratedType() {
    assertProcessed(holder("Missing last;"), "last");
  }

  @Test
  void listOfAGeneratedType() {
    assertProcessed(holder("List<Missing> items = new ArrayList<>();"), "items");
  }

  @Test
  void arrayOfAGeneratedType() {
    assertProcessed(holder("Missing[] items = new Missing[0];"), "items");
  }

  @Test
  void mapOfListsOfAGeneratedType() {
    assertProcessed(holder("Map<String, List<Missing>> byName = new TreeMap<>();"), "byName");
  }

  @Test
  void messageOfAGeneratedType() {
    JavaFileObject file =
        holder(
            """
            long received;

            @OnMessage
            void onBatch(List<Missing> batch) {
              received += batch.size();
            }
            """);
    assertProcessed(file, "onBatch");
  }

  @Test
  void generatedSuperclass() {
    JavaFileObject file =
        source(
            "test.Holder",
            """
            package test;
            import dev.helios.annotations.Node;
            @Node
            final class Holder extends Base {
              long own;
            }
            """);
    Compilation compilation =
        compileWith(
            new GeneratingProcessor(
                "test.Base",
                """
                package test;
                abstract class Base {
                  long inherited;
                }
                """),
            file);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Holder_Helios").contentsAsUtf8String().contains("inherited");
  }

  @Test
  void generatedInterface() {
    JavaFileObject file =
        source(
            "test.Holder",
            """
            package test;
            import dev.helios.annotations.Node;
            @Node
            final class Holder implements Comparable<Missing> {
              long count;

              @Override
              public int compareTo(Missing other) {
                return Long.compare(count, other.value());
              }
            }
            """);
    assertProcessed(file, "count");
  }

  @Test
  void generatedCopyable() {
    JavaFileObject file = holder("Missing tally = new Missing();");
    Compilation compilation =
        compileWith(
            new GeneratingProcessor(
                "test.Missing",
                """
                package test;
                import dev.helios.annotations.Copyable;
                import java.util.ArrayList;
                import java.util.List;
                @Copyable
                final class Missing {
                  final List<Long> amounts = new ArrayList<>();
                }
                """),
            file);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Holder_Helios").contentsAsUtf8String().contains("Missing_Helios");
    assertThat(compilation).generatedSourceFile("test.Missing_Helios");
  }

  // ---- never generated: one error, on the class ----

  @Test
  @Covers(Diagnostic.UNRESOLVED_TYPE)
  void fieldOfAMissingType() {
    assertNeverResolved(holder("Missing last;"), "Node", "Missing", "field Holder.last of type Missing");
  }

  @Test
  @Covers(Diagnostic.UNRESOLVED_TYPE)
  void listOfAMissingType() {
    assertNeverResolved(
        holder("List<Missing> items = new ArrayList<>();"),
        "Node",
        "Missing",
        "field Holder.items of type java.util.List<Missing>");
  }

  @Test
  @Covers(Diagnostic.UNRESOLVED_TYPE)
  void arrayOfAMissingType() {
    assertNeverResolved(
        holder("Missing[] items = new Missing[0];"), "Node", "Missing", "field Holder.items of type Missing[]");
  }

  @Test
  @Covers(Diagnostic.UNRESOLVED_TYPE)
  void mapOfListsOfAMissingType() {
    assertNeverResolved(
        holder("Map<String, List<Missing>> byName = new TreeMap<>();"),
        "Node",
        "Missing",
        "field Holder.byName of type java.util.Map<java.lang.String,java.util.List<Missing>>");
  }

  @Test
  @Covers(Diagnostic.UNRESOLVED_TYPE)
  void wildcardOfAMissingType() {
    assertNeverResolved(
        holder("List<? extends Missing> items = new ArrayList<>();"),
        "Node",
        "Missing",
        "field Holder.items of type java.util.List<? extends Missing>");
  }

  @Test
  @Covers(Diagnostic.UNRESOLVED_TYPE)
  void messageOfAMissingType() {
    JavaFileObject file =
        holder(
            """
            @OnMessage
            void onBatch(List<Missing> batch) {}
            """);
    assertNeverResolved(
        file, "Node", "Missing", "parameter batch of method onBatch, of type java.util.List<Missing>");
  }

  @Test
  @Covers(Diagnostic.UNRESOLVED_TYPE)
  void returnTypeOfAMissingType() {
    JavaFileObject file =
        holder(
            """
            @OnStart
            List<Missing> onStart() {
              return List.of();
            }
            """);
    assertNeverResolved(file, "Node", "Missing", "the return type java.util.List<Missing> of method onStart");
  }

  @Test
  @Covers(Diagnostic.UNRESOLVED_TYPE)
  void inheritedFieldOfAMissingType() {
    JavaFileObject base =
        source(
            "test.Base",
            """
            package test;
            import java.util.ArrayList;
            import java.util.List;
            abstract class Base {
              List<Missing> items = new ArrayList<>();
            }
            """);
    JavaFileObject file =
        source(
            "test.Holder",
            """
            package test;
            import dev.helios.annotations.Node;
            @Node
            final class Holder extends Base {
              long own;
            }
            """);
    Compilation compilation = compile(base, file);
    assertErrors(compilation, 2);
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(base).onLineContaining("List<Missing>");
    assertError(
        compilation,
        file,
        "[Helios:UnresolvedType] @Node class Holder could not be processed because the type Missing never"
            + " resolved (in field Base.items of type java.util.List<Missing>)" + FIX,
        "final class Holder");
  }

  @Test
  @Covers(Diagnostic.UNRESOLVED_TYPE)
  void missingSuperclass() {
    JavaFileObject file =
        source(
            "test.Holder",
            """
            package test;
            import dev.helios.annotations.Node;
            @Node
            final class Holder extends Base {
              long own;
            }
            """);
    assertNeverResolved(file, "Node", "Base", "the superclass Base");
  }

  @Test
  @Covers(Diagnostic.UNRESOLVED_TYPE)
  void missingTypeInASuperclassOfASuperclass() {
    JavaFileObject base =
        source(
            "test.Base",
            """
            package test;
            abstract class Base extends Missing {}
            """);
    JavaFileObject file =
        source(
            "test.Holder",
            """
            package test;
            import dev.helios.annotations.Copyable;
            @Copyable
            final class Holder extends Base {
              long own;
            }
            """);
    Compilation compilation = compile(base, file);
    assertErrors(compilation, 2);
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(base).onLineContaining("extends Missing");
    assertError(
        compilation,
        file,
        "[Helios:UnresolvedType] @Copyable class Holder could not be processed because the type Missing never"
            + " resolved (in the superclass Missing of Base)" + FIX,
        "final class Holder");
  }

  @Test
  @Covers(Diagnostic.UNRESOLVED_TYPE)
  void missingTypeInAnInterface() {
    JavaFileObject file =
        source(
            "test.Holder",
            """
            package test;
            import dev.helios.annotations.Node;
            @Node
            final class Holder implements Comparable<Missing> {
              long count;

              @Override
              public int compareTo(Missing other) {
                return 0;
              }
            }
            """);
    assertNeverResolved(file, "Node", "Missing", "the interface java.lang.Comparable<Missing>");
  }

  /** A type variable bounded by itself is looked at once, and the class is validated as usual. */
  @Test
  void recursiveBoundEnds() {
    JavaFileObject file =
        source(
            "test.Holder",
            """
            package test;
            import dev.helios.annotations.Node;
            import dev.helios.annotations.OnMessage;
            abstract class Ranked<T extends Comparable<T>> implements Comparable<Ranked<T>> {
              T best;
            }
            @Node
            final class Holder extends Ranked<String> {
              @OnMessage
              <M extends Comparable<M>> void onAny(M message) {}

              @Override
              public int compareTo(Ranked<String> other) {
                return 0;
              }
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 2);
    assertError(compilation, file, "[Helios:FieldNotCopyable] field Ranked.best of type T", "final class Holder");
    assertError(compilation, file, "[Helios:HandlerParameters] @OnMessage method onAny", "void onAny");
  }

  // ---- helpers ----

  /** A {@code @Node} class {@code test.Holder} with {@code body}, importing what the tests use. */
  private static JavaFileObject holder(String body) {
    return source(
        "test.Holder",
        """
        package test;
        import dev.helios.annotations.Node;
        import dev.helios.annotations.OnMessage;
        import dev.helios.annotations.OnStart;
        import java.util.ArrayList;
        import java.util.List;
        import java.util.Map;
        import java.util.TreeMap;
        @Node
        final class Holder {
        %s
        }
        """
            .formatted(body.indent(2)));
  }

  /** Compiles {@code file} while another processor generates {@code test.Missing}, a record. */
  private static void assertProcessed(JavaFileObject file, String inCompanion) {
    Compilation compilation = compileWith(new GeneratingProcessor("test.Missing", MISSING_RECORD), file);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.Holder_Helios").contentsAsUtf8String().contains(inCompanion);
  }

  /**
   * Compiles {@code file} with nothing generating {@code missing}: javac reports each place it
   * cannot find the symbol, and the processor one error on the class, naming the type and where it
   * is, and no other.
   */
  private static void assertNeverResolved(JavaFileObject file, String annotation, String missing, String where) {
    Compilation compilation = compile(file);
    assertThat(compilation).failed();
    assertError(
        compilation,
        file,
        "[Helios:UnresolvedType] @" + annotation + " class Holder could not be processed because the type "
            + missing + " never resolved (in " + where + ")" + FIX,
        "final class Holder");
    List<String> others =
        compilation.errors().stream()
            .map(error -> error.getMessage(Locale.ROOT))
            .filter(message -> !message.startsWith("[Helios:UnresolvedType]"))
            .toList();
    assertEquals(compilation.errors().size() - 1, others.size(), "errors of the processor");
    assertFalse(others.isEmpty(), "javac reports the missing symbol");
    for (String other : others) {
      assertTrue(other.startsWith("cannot find symbol"), "an error that is not javac's missing symbol: " + other);
    }
  }
}
