package dev.helios.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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

/**
 * Compiles every Java block of docs/DSL_GUIDE.md (with the Helios processor) and runs them in a
 * separate JVM, so the guide cannot drift from the API.
 */
class DslGuideTest {
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern DECLARATION =
      Pattern.compile("^(@|record |final class |class |enum |interface |sealed )");

  @Test
  void everySnippetCompilesAndRuns(@TempDir Path work) throws IOException, InterruptedException {
    String guide = Files.readString(Path.of("..", "docs", "DSL_GUIDE.md"), StandardCharsets.UTF_8);
    List<String> declarations = new ArrayList<>();
    List<String> statements = new ArrayList<>();
    Matcher matcher = JAVA_BLOCK.matcher(guide);
    while (matcher.find()) {
      String block = matcher.group(1);
      (DECLARATION.matcher(block.strip()).find() ? declarations : statements).add(block);
    }
    assertTrue(declarations.size() >= 2 && statements.size() >= 6,
        "the guide should have node declarations and runnable snippets; found "
            + declarations.size() + " and " + statements.size());

    StringBuilder source = new StringBuilder();
    source.append("package guide;\n\n");
    for (String pkg : List.of("dev.helios.runtime", "dev.helios.runtime.nodes", "dev.helios.annotations", "java.util")) {
      source.append("import ").append(pkg).append(".*;\n");
    }
    source.append('\n');
    declarations.forEach(block -> source.append(block).append('\n'));
    source.append("public final class GuideMain {\n  public static void main(String[] args) throws Exception {\n");
    for (int i = 0; i < statements.size(); i++) {
      source.append("    System.out.println(\"--- snippet ").append(i + 1).append("\");\n");
      source.append("    {\n").append(statements.get(i).indent(6)).append("    }\n");
    }
    source.append("  }\n}\n");
    Path sourceFile = work.resolve("src/guide/GuideMain.java");
    Files.createDirectories(sourceFile.getParent());
    Files.writeString(sourceFile, source, StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(work.resolve("classes"));

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classpath = System.getProperty("java.class.path");
    java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
    int status = javac.run(null, diagnostics, diagnostics,
        "--release", "17", "-classpath", classpath, "-d", classes.toString(), sourceFile.toString());
    assertEquals(0, status, "the guide's snippets do not compile:\n" + diagnostics + "\n" + numbered(source.toString()));

    String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(javaBinary, "-cp", classes + java.io.File.pathSeparator + classpath, "guide.GuideMain")
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the snippets ran over 120 s");
    assertEquals(0, process.exitValue(), "a snippet failed:\n" + output);
    assertTrue(output.contains("--- snippet " + statements.size()), output);
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
