package dev.helios.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.runtime.cli.SimulationCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compiles every Java block of the README and the DSL guide (with the Helios processor) and runs
 * them in a separate JVM, so the documents cannot drift from the API; and checks that the output
 * the README shows is what the demo and the quick start snippet print.
 */
class DocSnippetsTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern OUTPUT_BLOCK = Pattern.compile("It prints:\\n\\n```\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern DECLARATION =
      Pattern.compile("^(@|record |final class |class |enum |interface |sealed )");
  private static final List<String> IMPORTED_PACKAGES = List.of(
      "dev.helios.runtime", "dev.helios.runtime.nodes", "dev.helios.runtime.trace", "dev.helios.runtime.fault",
      "dev.helios.runtime.check", "dev.helios.runtime.cli", "dev.helios.runtime.explore", "dev.helios.runtime.linearizability", "dev.helios.annotations",
      "dev.helios.junit", "dev.helios.examples", "java.util");
  private static final String WALL_TIME = "wall time: \\d+ ms";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"README.md", "docs/DSL_GUIDE.md", "docs/EXPLORER_GUIDE.md"})
  void everySnippetCompilesAndRuns(String document, @TempDir Path work) throws IOException, InterruptedException {
    String text = Files.readString(Path.of("..").resolve(document), StandardCharsets.UTF_8);
    List<String> declarations = new ArrayList<>();
    List<String> statements = new ArrayList<>();
    Matcher matcher = JAVA_BLOCK.matcher(text);
    while (matcher.find()) {
      String block = matcher.group(1);
      (DECLARATION.matcher(block.strip()).find() ? declarations : statements).add(block);
    }
    assertTrue(!statements.isEmpty(), document + " should have runnable snippets");
    String output = compileAndRun(declarations, statements, work);
    assertTrue(output.contains("--- snippet " + statements.size()), output);
  }

  /** The explorer guide's output block is what its first snippet, the seed's exploration, prints. */
  @Test
  void theExplorerGuideShowsWhatItsFirstSnippetPrints(@TempDir Path work) throws IOException, InterruptedException {
    String guide = Files.readString(Path.of("..", "docs", "EXPLORER_GUIDE.md"), StandardCharsets.UTF_8);
    Matcher shown = OUTPUT_BLOCK.matcher(guide);
    assertTrue(shown.find(), "the explorer guide should show its first snippet's output after \"It prints:\"");
    Matcher blocks = JAVA_BLOCK.matcher(guide);
    assertTrue(blocks.find(), "the explorer guide should start with the seed's exploration");
    String output = compileAndRun(List.of(), List.of(blocks.group(1)), work);
    assertEquals(shown.group(1), output.substring(output.indexOf('\n') + 1), "the guide's output block must be what the snippet prints");
  }

  /** The README's output block is what the demo prints, and what its quick start snippet prints. */
  @Test
  void theReadmeShowsWhatTheDemoAndItsQuickStartPrint(@TempDir Path work) throws IOException, InterruptedException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    Matcher shown = OUTPUT_BLOCK.matcher(readme);
    assertTrue(shown.find(), "the README should show the demo's output after \"It prints:\"");
    String expected = shown.group(1);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = SimulationCli.run("QuickstartMain", new String[0], Quickstart::build,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertEquals(0, status);
    assertEquals(expected.replaceAll(WALL_TIME, "wall time: _"), out.toString(StandardCharsets.UTF_8).replaceAll(WALL_TIME, "wall time: _"),
        "the README's output block must be the demo's output");

    Matcher blocks = JAVA_BLOCK.matcher(readme);
    assertTrue(blocks.find(), "the README's first Java block should be the quick start");
    String snippetOutput = compileAndRun(List.of(), List.of(blocks.group(1)), work);
    String printed = snippetOutput.substring(snippetOutput.indexOf('\n') + 1); // after "--- snippet 1"
    String withoutSummaryLine = expected.substring(0, expected.lastIndexOf("seed: "));
    assertEquals(withoutSummaryLine, printed, "the quick start snippet must print the demo's trace and outcome");
  }

  private static String compileAndRun(List<String> declarations, List<String> statements, Path work)
      throws IOException, InterruptedException {
    StringBuilder source = new StringBuilder();
    source.append("package snippets;\n\n");
    source.append("import static org.junit.jupiter.api.Assertions.*;\n");
    for (String pkg : IMPORTED_PACKAGES) {
      source.append("import ").append(pkg).append(".*;\n");
    }
    source.append('\n');
    declarations.forEach(block -> source.append(block).append('\n'));
    source.append("public final class SnippetsMain {\n  public static void main(String[] args) throws Exception {\n");
    for (int i = 0; i < statements.size(); i++) {
      source.append("    System.out.println(\"--- snippet ").append(i + 1).append("\");\n");
      source.append("    {\n").append(statements.get(i).indent(6)).append("    }\n");
    }
    source.append("  }\n}\n");
    Path sourceFile = work.resolve("src/snippets/SnippetsMain.java");
    Files.createDirectories(sourceFile.getParent());
    Files.writeString(sourceFile, source, StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(work.resolve("classes"));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classpath = System.getProperty("java.class.path");
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = javac.run(null, diagnostics, diagnostics,
        "--release", "17", "-classpath", classpath, "-d", classes.toString(), sourceFile.toString());
    assertEquals(0, status, "the snippets do not compile:\n" + diagnostics + "\n" + numbered(source.toString()));

    String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(javaBinary, "-cp", classes + java.io.File.pathSeparator + classpath, "snippets.SnippetsMain")
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the snippets ran over 120 s");
    assertEquals(0, process.exitValue(), "a snippet failed:\n" + output);
    return output;
  }

  private static String numbered(String source) {
    StringBuilder out = new StringBuilder();
    String[] lines = source.split("\n");
    for (int i = 0; i < lines.length; i++) {
      out.append(String.format("%4d  %s%n", i + 1, lines[i]));
    }
    return out.toString();
  }
}
