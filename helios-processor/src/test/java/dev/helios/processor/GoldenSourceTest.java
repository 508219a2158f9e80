package dev.helios.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.helios.processor.Compilations.compile;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Generated companions for a few shapes, compared with reviewed sources in
 * {@code src/test/resources/golden}. Most processor tests are behavioural; these pin what the
 * generated code looks like, so a change to it is seen and reviewed. When one fails on purpose,
 * the failure prints the new source: review it and replace the golden file.
 */
class GoldenSourceTest {

  /** Handlers for Object, String and a record: the record and String come before Object. */
  @Test
  void handlerHierarchyAndStart() {
    Compilation compilation = compile(golden("Router.java"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.Router_Helios")
        .hasSourceEquivalentTo(golden("Router_Helios.java"));
  }

  /** A list of records, a map, an int array and a @Copyable class, with that class's companion. */
  @Test
  void stateShapesAndCopyable() {
    Compilation compilation = compile(golden("Store.java"), golden("Ledger.java"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("test.Store_Helios")
        .hasSourceEquivalentTo(golden("Store_Helios.java"));
    assertThat(compilation)
        .generatedSourceFile("test.Ledger_Helios")
        .hasSourceEquivalentTo(golden("Ledger_Helios.java"));
  }

  /** Node companions, and only those, are listed for ServiceLoader, sorted. */
  @Test
  void servicesFileListsNodeCompanions() {
    Compilation compilation =
        compile(golden("Store.java"), golden("Ledger.java"), golden("Router.java"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, HeliosProcessor.SERVICE_FILE)
        .contentsAsString(UTF_8)
        .isEqualTo("test.Router_Helios\ntest.Store_Helios\n");
  }

  private static JavaFileObject golden(String name) {
    return JavaFileObjects.forResource("golden/test/" + name);
  }
}
