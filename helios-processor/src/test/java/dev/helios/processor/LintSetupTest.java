package dev.helios.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.helios.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** How the determinism checks are switched: the strict option, and a compiler without the tree API. */
class LintSetupTest {
  private static final JavaFileObject CLOCKY =
      source(
          "test.Clocky",
          """
          package test;
          import dev.helios.annotations.Node;
          import dev.helios.annotations.OnMessage;
          import dev.helios.runtime.Context;
          @Node
          final class Clocky {
            long startedMillis;
            @OnMessage void onPing(String ping, Context context) {
              startedMillis = System.currentTimeMillis();
            }
          }
          """);

  @Test
  @Covers(Diagnostic.STRICT_OPTION)
  void aStrictValueOtherThanTrueOrFalseIsAnError() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new HeliosProcessor())
            .withClasspath(CompiledRuntime.classpath())
            .withOptions("--release", "17", "-Ahelios.strict=yes")
            .compile(CLOCKY);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "[Helios:StrictOption] -Ahelios.strict=yes is not a setting: helios.strict is true (every determinism"
                + " finding is an error) or false (each is a warning, the default)");
  }

  @Test
  void strictFalseKeepsFindingsAsWarnings() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new HeliosProcessor())
            .withClasspath(CompiledRuntime.classpath())
            .withOptions("--release", "17", "-Xlint:all", "-Ahelios.strict=false")
            .compile(CLOCKY);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[Helios:WallClock]");
  }

  @Test
  @Covers(Diagnostic.LINT_SKIPPED)
  void withoutTheTreeApiTheChecksAreSkippedWithOneNoteAndTheCompanionIsStillWritten() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new WrappedEnvironment(new HeliosProcessor()))
            .withClasspath(CompiledRuntime.classpath())
            .withOptions("--release", "17", "-Xlint:all")
            .compile(CLOCKY);
    assertThat(compilation).succeededWithoutWarnings();
    long notes =
        compilation.notes().stream()
            .filter(note -> note.getMessage(Locale.ROOT).startsWith("[Helios:LintSkipped]"))
            .count();
    org.junit.jupiter.api.Assertions.assertEquals(1, notes, compilation.notes().toString());
    assertThat(compilation)
        .hadNoteContaining(
            "[Helios:LintSkipped] the determinism checks (WallClock, Randomness, Threads, StaticState, HashOrder,"
                + " IdentityHash, MessageType) read method bodies through javac's Compiler Tree API,"
                + " com.sun.source.util.Trees, which this compiler does not provide, so they were skipped;"
                + " everything else was generated as usual");
    assertThat(compilation).generatedSourceFile("test.Clocky_Helios");
  }

  /**
   * Runs {@code delegate} with a processing environment that forwards to javac's but is not
   * javac's class, as another compiler's or a build tool's wrapper would be: the tree API refuses it.
   */
  private static final class WrappedEnvironment extends AbstractProcessor {
    private final AbstractProcessor delegate;

    WrappedEnvironment(AbstractProcessor delegate) {
      this.delegate = delegate;
    }

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
      super.init(environment);
      delegate.init(new ProcessingEnvironment() {
        @Override public Map<String, String> getOptions() { return environment.getOptions(); }
        @Override public Messager getMessager() { return environment.getMessager(); }
        @Override public Filer getFiler() { return environment.getFiler(); }
        @Override public Elements getElementUtils() { return environment.getElementUtils(); }
        @Override public Types getTypeUtils() { return environment.getTypeUtils(); }
        @Override public SourceVersion getSourceVersion() { return environment.getSourceVersion(); }
        @Override public Locale getLocale() { return environment.getLocale(); }
      });
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }
  }
}
