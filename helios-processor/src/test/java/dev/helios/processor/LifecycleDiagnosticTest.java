package dev.helios.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.helios.processor.Compilations.assertError;
import static dev.helios.processor.Compilations.assertErrors;
import static dev.helios.processor.Compilations.compile;
import static dev.helios.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
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
    assertThat(compilation)
        .generatedSourceFile("test.DemoMain")
        .contentsAsUtf8String()
        .contains("public final class DemoMain implements SimulationSource {");
    assertThat(compilation)
        .generatedSourceFile("test.DemoMain")
        .contentsAsUtf8String()
        .contains("throw new UnsupportedOperationException(\"test.Demo declares no scenarios(Simulation)\");");
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, HeliosProcessor.SOURCES_FILE)
        .contentsAsUtf8String()
        .isEqualTo("test.DemoMain\n");
  }

  @Test
  @Covers(Diagnostic.MAIN_SCENARIOS_SHAPE)
  void simulationMainWithAWrongScenarios() {
    JavaFileObject file =
        source(
            "test.Wrong",
            """
            package test;
            import dev.helios.annotations.SimulationMain;
            import dev.helios.runtime.Simulation;
            @SimulationMain
            final class Wrong {
              public static Simulation build(long seed) { return null; }
              Object scenarios(long seed) { return null; }
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:MainScenariosShape] @SimulationMain method scenarios must be public static ScenarioBuilder"
            + " scenarios(Simulation sim), but it is not public and it is not static and it returns"
            + " java.lang.Object and it takes (long); fix it, or rename the method if it is not meant for"
            + " --explore",
        "Object scenarios(long seed)");
  }

  @Test
  @Covers(Diagnostic.MAIN_SCENARIOS_SHAPE)
  void scenariosThatIsNotPublicStatic() {
    JavaFileObject file =
        source(
            "test.Hidden",
            """
            package test;
            import dev.helios.annotations.SimulationMain;
            import dev.helios.runtime.Simulation;
            import dev.helios.runtime.explore.ScenarioBuilder;
            @SimulationMain
            final class Hidden {
              public static Simulation build(long seed) { return null; }
              static ScenarioBuilder scenarios(Simulation sim) { return null; }
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:MainScenariosShape] @SimulationMain method scenarios must be public static ScenarioBuilder"
            + " scenarios(Simulation sim), but it is not public; fix it",
        "static ScenarioBuilder scenarios(Simulation sim)");

    JavaFileObject instance =
        source(
            "test.Instance",
            """
            package test;
            import dev.helios.annotations.SimulationMain;
            import dev.helios.runtime.Simulation;
            import dev.helios.runtime.explore.ScenarioBuilder;
            @SimulationMain
            public final class Instance {
              public static Simulation build(long seed) { return null; }
              public ScenarioBuilder scenarios(Simulation sim) { return null; }
            }
            """);
    Compilation instanceCompilation = compile(instance);
    assertErrors(instanceCompilation, 1);
    assertError(
        instanceCompilation,
        instance,
        "[Helios:MainScenariosShape] @SimulationMain method scenarios must be public static ScenarioBuilder"
            + " scenarios(Simulation sim), but it is not static; fix it",
        "public ScenarioBuilder scenarios(Simulation sim)");
  }

  @Test
  @Covers(Diagnostic.MAIN_SCENARIOS_SHAPE)
  void scenariosThatReturnsSomethingElse() {
    JavaFileObject file =
        source(
            "test.Runs",
            """
            package test;
            import dev.helios.annotations.SimulationMain;
            import dev.helios.runtime.Simulation;
            import dev.helios.runtime.explore.ExplorationResult;
            @SimulationMain
            final class Runs {
              public static Simulation build(long seed) { return null; }
              public static ExplorationResult scenarios(Simulation sim) { return null; }
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 1);
    assertError(
        compilation,
        file,
        "[Helios:MainScenariosShape] @SimulationMain method scenarios must be public static ScenarioBuilder"
            + " scenarios(Simulation sim), but it returns dev.helios.runtime.explore.ExplorationResult; fix it",
        "public static ExplorationResult scenarios(Simulation sim)");
  }

  @Test
  @Covers(Diagnostic.MAIN_SCENARIOS_SHAPE)
  void scenariosThatTakesOtherParameters() {
    JavaFileObject file =
        source(
            "test.Takes",
            """
            package test;
            import dev.helios.annotations.SimulationMain;
            import dev.helios.runtime.Simulation;
            import dev.helios.runtime.explore.ScenarioBuilder;
            @SimulationMain
            final class Takes {
              public static Simulation build(long seed) { return null; }
              public static ScenarioBuilder scenarios(Simulation sim, long seed) { return null; }
              public static ScenarioBuilder scenarios() { return null; }
              public static ScenarioBuilder scenarios(Object sim) { return null; }
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 3);
    assertError(
        compilation,
        file,
        "[Helios:MainScenariosShape] @SimulationMain method scenarios must be public static ScenarioBuilder"
            + " scenarios(Simulation sim), but it takes (dev.helios.runtime.Simulation, long); fix it",
        "scenarios(Simulation sim, long seed)");
    assertError(compilation, file, "but it takes (); fix it", "scenarios()");
    assertError(compilation, file, "but it takes (java.lang.Object); fix it", "scenarios(Object sim)");
  }

  @Test
  @Covers({Diagnostic.MAIN_BUILD_SHAPE, Diagnostic.MAIN_SCENARIOS_SHAPE})
  void aWrongBuildAndAWrongScenariosAreBothReported() {
    JavaFileObject file =
        source(
            "test.Both",
            """
            package test;
            import dev.helios.annotations.SimulationMain;
            import dev.helios.runtime.Simulation;
            import dev.helios.runtime.explore.ScenarioBuilder;
            @SimulationMain
            final class Both {
              public static Simulation build(int seed) { return null; }
              public static void scenarios(Simulation sim) {}
            }
            """);
    Compilation compilation = compile(file);
    assertErrors(compilation, 2);
    assertError(compilation, file, "[Helios:MainBuildShape]", "build(int seed)");
    assertError(compilation, file, "[Helios:MainScenariosShape]", "void scenarios(Simulation sim)");
    assertThat(compilation).hadErrorContaining("but it returns void; fix it");
  }

  @Test
  void aSimulationMainWithScenariosGetsAMainThatPassesThemToTheRuntimeCli() {
    JavaFileObject file =
        source(
            "test.Demo",
            """
            package test;
            import dev.helios.annotations.SimulationMain;
            import dev.helios.runtime.Simulation;
            import dev.helios.runtime.SimulationBuilder;
            import dev.helios.runtime.explore.ScenarioBuilder;
            @SimulationMain
            public final class Demo {
              public static Simulation build(long seed) {
                return SimulationBuilder.create().ping(0).echo(1).seed(seed).build();
              }

              public static ScenarioBuilder scenarios(Simulation sim) {
                return ScenarioBuilder.of(sim).maybeCrash(1, 50).check("runs", s -> true);
              }
            }
            """);
    Compilation compilation = compile(file);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.DemoMain")
        .contentsAsUtf8String()
        .contains("int status = SimulationCli.run(\"DemoMain\", args, Demo::build, Demo::scenarios);");
  }
}
