package dev.helios.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * docs/TESTING.md holds only what works: each determinism-check block compiles (with the Helios
 * processor) to exactly the finding it is marked with, the warning it quotes is the compiler's; the
 * JUnit blocks compile together and their tests pass, or, where marked, fail with exactly the
 * report the guide shows; the Maven and Gradle blocks name this build's modules, versions and
 * options.
 */
class TestingGuideTest {
  private static final Path GUIDE = Path.of("..", "docs", "TESTING.md");
  private static final Pattern MARKED_BLOCK =
      Pattern.compile("<!-- ([a-z]+)(?:: ([A-Za-z]+))? -->\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern QUOTED_WARNING =
      Pattern.compile("compiles with\\n\\n```\\n(\\w+)\\.java:(\\d+): warning: (.*?)\\n```", Pattern.DOTALL);
  /** The first type a block declares, which names its file (javac wants a public one so named). */
  private static final Pattern FIRST_TYPE =
      Pattern.compile("^(?:public )?(?:final )?(?:class|record|interface|enum) (\\w+)", Pattern.MULTILINE);
  private static final Pattern TEST_CLASS = Pattern.compile("^class (\\w+Test) \\{", Pattern.MULTILINE);
  private static final String SEEDS_DIRECTORY = ".../src/test/resources/helios/failing-seeds";

  private record Block(String kind, String detail, String text) {}

  private static List<Block> blocks() throws IOException {
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    List<Block> blocks = new ArrayList<>();
    Matcher matcher = MARKED_BLOCK.matcher(guide);
    while (matcher.find()) {
      blocks.add(new Block(matcher.group(1), matcher.group(2), matcher.group(3)));
    }
    return blocks;
  }

  // ---- the determinism checks ----

  @Test
  void eachCheckBlockCompilesToExactlyTheFindingItIsMarkedWith(@TempDir Path work) throws IOException {
    int checked = 0;
    for (Block block : blocks()) {
      if (!block.kind().equals("check")) {
        continue;
      }
      checked++;
      Path directory = Files.createDirectories(work.resolve("check" + checked));
      List<Diagnostic<? extends JavaFileObject>> findings = compile(List.of(block.text()), directory, false).helios();
      if (block.detail().equals("clean")) {
        assertEquals(List.of(), texts(findings), "this block should compile clean:\n" + block.text());
        assertTrue(compile(List.of(block.text()), directory, true).succeeded(), "clean under -Ahelios.strict=true:\n" + block.text());
      } else {
        assertEquals(1, findings.size(), "one finding:\n" + texts(findings) + "\n" + block.text());
        assertTrue(findings.get(0).getMessage(Locale.ROOT).startsWith("[Helios:" + block.detail() + "] "), texts(findings).toString());
      }
    }
    assertTrue(checked >= 3, "the guide shows a finding, a fix and a suppression; found " + checked + " check blocks");
  }

  @Test
  void theQuotedWarningIsTheCompilers(@TempDir Path work) throws IOException {
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    Matcher quoted = QUOTED_WARNING.matcher(guide);
    assertTrue(quoted.find(), "the guide quotes a warning after \"compiles with\"");
    Block finding = blocks().stream().filter(block -> block.kind().equals("check") && !block.detail().equals("clean")).findFirst().orElseThrow();
    Diagnostic<? extends JavaFileObject> warning = compile(List.of(finding.text()), work, false).helios().get(0);
    assertEquals(quoted.group(1) + ".java", Path.of(warning.getSource().toUri()).getFileName().toString());
    assertEquals(Long.parseLong(quoted.group(2)), warning.getLineNumber());
    assertEquals(quoted.group(3), warning.getMessage(Locale.ROOT));
  }

  // ---- the JUnit integration ----

  @Test
  void theJunitBlocksCompileAndTheirTestsPassOrFailWithTheReportShown(@TempDir Path work) throws Exception {
    List<Block> blocks = blocks();
    List<String> sources = new ArrayList<>();
    for (Block block : blocks) {
      if (block.kind().equals("junit")) {
        sources.add(block.text());
      }
    }
    Path classes = Files.createDirectories(work.resolve("classes"));
    Compiled compiled = compile(sources, classes, false);
    assertTrue(compiled.succeeded(), "the guide's JUnit blocks do not compile:\n" + compiled.all());
    Path seedsDirectory = work.resolve("failing-seeds");
    int passing = 0;
    int failing = 0;
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      Matcher testClass = TEST_CLASS.matcher(block.text());
      if (!block.kind().equals("junit") || !testClass.find()) {
        continue;
      }
      Run run = runTests("demo." + testClass.group(1), classes, seedsDirectory);
      if (block.detail() == null) {
        passing++;
        assertEquals(0, run.failed(), testClass.group(1) + ":\n" + run.output());
        assertTrue(run.started() >= 2, testClass.group(1) + " ran " + run.started() + " invocations");
      } else {
        failing++;
        assertEquals("fails", block.detail());
        assertTrue(run.failed() >= 1, testClass.group(1) + " should fail:\n" + run.output());
        Block report = blocks.get(i + 1);
        assertEquals("report", report.kind(), "a failing block is followed by the report it gives");
        String message = run.firstFailure().replace(seedsDirectory.toAbsolutePath().toString(), SEEDS_DIRECTORY);
        assertEquals(report.text().strip(), message.strip(), "the guide's report must be what " + testClass.group(1) + " reports");
      }
    }
    assertEquals(1, passing, "blocks with passing tests");
    assertEquals(2, failing, "blocks with a failing test and its report");
  }

  private record Run(long started, long failed, String firstFailure, String output) {}

  /** Runs the test class {@code name} from {@code classes} in a JVM of its own, through {@link GuideTestRunner}. */
  private static Run runTests(String name, Path classes, Path seedsDirectory) throws IOException, InterruptedException {
    String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(
            javaBinary, "-cp", classes + File.pathSeparator + System.getProperty("java.class.path"),
            GuideTestRunner.class.getName(), name, seedsDirectory.toString())
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the guide's tests ran over 120 s");
    assertEquals(0, process.exitValue(), output);
    Matcher counts = Pattern.compile("^started (\\d+)\nfailed (\\d+)\n", Pattern.MULTILINE).matcher(output);
    assertTrue(counts.find(), output);
    int mark = output.indexOf(GuideTestRunner.FAILURE_MARK + "\n");
    String firstFailure = "";
    if (mark >= 0) {
      int start = mark + GuideTestRunner.FAILURE_MARK.length() + 1;
      int next = output.indexOf("\n" + GuideTestRunner.FAILURE_MARK + "\n", start);
      firstFailure = output.substring(start, next < 0 ? output.length() : next);
    }
    return new Run(Long.parseLong(counts.group(1)), Long.parseLong(counts.group(2)), firstFailure, output);
  }

  // ---- set-up ----

  @Test
  void theMavenBlockNamesThisBuildsModulesVersionsAndOption() throws Exception {
    Block maven = blocks().stream().filter(block -> block.kind().equals("maven")).findFirst().orElseThrow();
    Document snippet = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(("<project>" + maven.text() + "</project>").getBytes(StandardCharsets.UTF_8)));
    String version = projectVersion();
    List<String> coordinates = new ArrayList<>();
    NodeList dependencies = snippet.getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      String group = text(dependency, "groupId");
      String artifact = text(dependency, "artifactId");
      coordinates.add(group + ":" + artifact);
      String expected = group.equals("dev.helios") ? version : rootProperty("junit.version");
      assertEquals(expected, text(dependency, "version"), artifact + "'s version");
      if (group.equals("dev.helios")) {
        assertTrue(Files.exists(Path.of("..", artifact, "pom.xml")), artifact + " is a module of this build");
      }
    }
    assertEquals(List.of("dev.helios:helios-runtime", "dev.helios:helios-junit", "org.junit.jupiter:junit-jupiter"), coordinates);
    Element path = (Element) snippet.getElementsByTagName("path").item(0);
    assertEquals("helios-processor", text(path, "artifactId"));
    assertEquals(version, text(path, "version"));
    assertEquals("-Ahelios.strict=true", text((Element) snippet.getElementsByTagName("compilerArgs").item(0), "arg"));
    String examplesPom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    assertTrue(examplesPom.contains("<arg>-Ahelios.strict=true</arg>"), "the examples build with the option the guide shows");
  }

  @Test
  void theGradleBlockNamesTheSameModulesVersionsAndOption() throws Exception {
    Block gradle = blocks().stream().filter(block -> block.kind().equals("gradle")).findFirst().orElseThrow();
    String version = projectVersion();
    for (String module : List.of("helios-processor", "helios-runtime", "helios-junit")) {
      assertTrue(gradle.text().contains("\"dev.helios:" + module + ":" + version + "\""), module + " " + version + " in\n" + gradle.text());
    }
    assertTrue(gradle.text().contains("\"org.junit:junit-bom:" + rootProperty("junit.version") + "\""), gradle.text());
    assertTrue(gradle.text().contains("options.compilerArgs.add(\"-Ahelios.strict=true\")"), gradle.text());
    assertTrue(gradle.text().contains("useJUnitPlatform()"), gradle.text());
  }

  private static String projectVersion() throws Exception {
    Document root = parse(Path.of("..", "pom.xml"));
    return text(root.getDocumentElement(), "version");
  }

  private static String rootProperty(String name) throws Exception {
    Document root = parse(Path.of("..", "pom.xml"));
    return text((Element) root.getElementsByTagName("properties").item(0), name);
  }

  private static Document parse(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

  /** The text of {@code parent}'s first direct child named {@code name}. */
  private static String text(Element parent, String name) {
    for (org.w3c.dom.Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && element.getTagName().equals(name)) {
        return element.getTextContent().strip();
      }
    }
    throw new AssertionError(parent.getTagName() + " has no " + name);
  }

  // ---- compiling ----

  private record Compiled(boolean succeeded, List<Diagnostic<? extends JavaFileObject>> all) {
    List<Diagnostic<? extends JavaFileObject>> helios() {
      return all.stream().filter(d -> d.getMessage(Locale.ROOT).startsWith("[Helios:")).toList();
    }
  }

  /** Compiles {@code sources} (each a compilation unit) with the Helios processor into {@code directory}. */
  private static Compiled compile(List<String> sources, Path directory, boolean strict) throws IOException {
    List<File> files = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      Matcher firstType = FIRST_TYPE.matcher(sources.get(i));
      String name = firstType.find() ? firstType.group(1) : "Snippet" + i;
      Path file = directory.resolve("src").resolve(name + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, sources.get(i), StandardCharsets.UTF_8);
      files.add(file.toFile());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = new ArrayList<>(List.of(
        "--release", "17", "-classpath", System.getProperty("java.class.path"), "-d", directory.toString(), "-Xlint:all"));
    if (strict) {
      options.add("-Ahelios.strict=true");
    }
    try (StandardJavaFileManager manager = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      boolean succeeded = javac.getTask(null, manager, diagnostics, options, null, manager.getJavaFileObjectsFromFiles(files)).call();
      return new Compiled(succeeded, List.copyOf(diagnostics.getDiagnostics()));
    }
  }

  private static List<String> texts(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    return diagnostics.stream().map(d -> d.getLineNumber() + ": " + d.getMessage(Locale.ROOT)).toList();
  }
}
