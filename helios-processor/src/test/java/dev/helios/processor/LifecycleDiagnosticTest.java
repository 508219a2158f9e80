package dev.helios.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.helios.processor.Compilations.assertError;
import static dev.helios.processor.Compilations.assertErrors;
import static dev.helios.processor.Compilations.compile;
import static dev.helios.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Diagnostics of {@code @Durable} (restarts) and {@code @SimulationMain} (the generated main). */
class LifecycleDiagnosticTest {

  // ---- @Durable ----

  @Test
  @Covers(Diagnostic.DURABLE_STATIC)
  void durableStaticField() {
    JavaFileObject file =
        source(
            "test.Keeper",
            """
            package test;
            import dev.helios.annotations.Durable;
            import dev.helios.annotations.Node;
            import dev.helios.annotations.OnMessage;
            @Node
            final class Keeper {
              @Durable static long restarts;
              @OnMessage void onAny(Object message) {}
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:DurableStatic] @Durable field restarts of Keeper is static; only a node's instance"
            + " fields survive a restart, so remove static or remove @Durable",
        "static long restarts");
  }

  @Test
  @Covers(Diagnostic.DURABLE_OUTSIDE_NODE)
  void durableOutsideANode() {
    JavaFileObject file =
        source(
            "test.Plain",
            """
            package test;
            import dev.helios.annotations.Durable;
            final class Plain {
              @Durable long term;
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:DurableOutsideNode] @Durable field term is in Plain, which is not a @Node class;"
            + " only nodes restart, so annotate the class with @Node or remove @Durable",
        "long term");
  }

  // ---- @SimulationMain ----

  @Test
  @Covers(Diagnostic.MAIN_NOT_CLASS)
  void simulationMainOnAnInterface() {
    JavaFileObject file =
        source(
            "test.Scenario",
            """
            package test;
            import dev.helios.annotations.SimulationMain;
            @SimulationMain
            interface Scenario {}
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:MainNotClass] @SimulationMain applies to classes, and Scenario is an interface;"
            + " put build(long seed) in a class",
        "interface Scenario");
  }

  @Test
  @Covers(Diagnostic.MAIN_NOT_REACHABLE)
  void simulationMainOnAPrivateClass() {
    JavaFileObject file =
        source(
            "test.Outer",
            """
            package test;
            import dev.helios.annotations.SimulationMain;
            import dev.helios.runtime.Simulation;
            final class Outer {
              @SimulationMain
              private static final class Hidden {
                public static Simulation build(long seed) { return null; }
              }
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:MainNotReachable] @SimulationMain class Hidden is private; the generated main"
            + " beside it cannot call it, so make it package-private or public",
        "class Hidden");
  }

  @Test
  @Covers(Diagnostic.MAIN_NO_BUILD)
  void simulationMainWithoutBuild() {
    JavaFileObject file =
        source(
            "test.Empty",
            """
            package test;
            import dev.helios.annotations.SimulationMain;
            @SimulationMain
            final class Empty {}
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:MainNoBuild] @SimulationMain class Empty has no build method; add public static"
            + " Simulation build(long seed)",
        "final class Empty");
  }

  @Test
  @Covers(Diagnostic.MAIN_BUILD_SHAPE)
  void simulationMainWithAWrongBuild() {
    JavaFileObject file =
        source(
            "test.Wrong",
            """
            package test;
            import dev.helios.annotations.SimulationMain;
            @SimulationMain
            final class Wrong {
              Object build(int seed) { return null; }
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:MainBuildShape] @SimulationMain method build must be public static Simulation"
            + " build(long seed), but it is not public and it is not static and it returns"
            + " java.lang.Object and it takes (int)",
        "Object build(int seed)");
  }

  @Test
  void aWellFormedSimulationMainGetsAMainThatCallsTheRuntimeCli() {
    JavaFileObject file =
        source(
            "test.Demo",
            """
            package test;
            import dev.helios.annotations.SimulationMain;
            import dev.helios.runtime.Simulation;
            import dev.helios.runtime.SimulationBuilder;
            @SimulationMain
            public final class Demo {
              public static Simulation build(long seed) {
                return SimulationBuilder.create().ping(0).echo(1).seed(seed).build();
              }
            }
            """);
    Compilation compilation = compile(file);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.DemoMain")
        .contentsAsUtf8String()
        .contains("int status = SimulationCli.run(\"DemoMain\", args, Demo::build);");
  }
}
