package dev.helios.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;

/** Compiles user sources with the processor against the annotations and the real runtime. */
final class Compilations {
  private Compilations() {}

  /**
   * Compiles with every lint, so tests also check that generated code compiles without warnings
   * and that the processor claims its annotations (-Xlint:processing).
   */
  static Compilation compile(JavaFileObject... sources) {
    return javac()
        .withProcessors(new HeliosProcessor())
        .withClasspath(CompiledRuntime.classpath())
        .withOptions("--release", "17", "-Xlint:all")
        .compile(sources);
  }

  /**
   * Compiles as {@link #compile} does, with {@code generator} running before the Helios processor in
   * each round: javac calls a processor of {@code "*"} only for annotations no earlier processor
   * claimed, and the Helios processor claims its own. What it generates is entered in the next
   * round, so the Helios processor still meets the types it generates unresolved first.
   */
  static Compilation compileWith(Processor generator, JavaFileObject... sources) {
    return javac()
        .withProcessors(generator, new HeliosProcessor())
        .withClasspath(CompiledRuntime.classpath())
        .withOptions("--release", "17", "-Xlint:all")
        .compile(sources);
  }

  /** A {@code @Copyable} class holding a list, for tests that need mutable state or a mutable message. */
  static final JavaFileObject LEDGER =
      source(
          "test.Ledger",
          """
          package test;
          import dev.helios.annotations.Copyable;
          import java.util.ArrayList;
          import java.util.List;
          @Copyable
          final class Ledger {
            final List<Long> amounts = new ArrayList<>();
          }
          """);

  /** Asserts the compilation failed with exactly {@code count} errors. */
  static void assertErrors(Compilation compilation, int count) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(count);
  }

  /** Asserts an error containing {@code message} on the line of {@code file} containing {@code line}. */
  static void assertError(Compilation compilation, JavaFileObject file, String message, String line) {
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
  }

  /** A source file for the class {@code name} (qualified). */
  static JavaFileObject source(String name, String text) {
    return JavaFileObjects.forSourceString(name, text);
  }
}
