package dev.helios.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.trace.TraceFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tests of the TeaVM builds of {@link QuickstartWasm}: the WebAssembly GC module, its runtime and
 * the JavaScript build are written, and, where a suitable Node is found, they print what the JVM
 * prints, trace hash included. Without one, the runs are skipped and say why.
 */
class QuickstartWasmTest {
  private static final byte[] WASM_MAGIC = {0, 'a', 's', 'm'};
  private static final String HASH_PREFIX = "trace hash: ";
  private static final long RUN_SECONDS_MAX = 120;

  private static final Path WASM_DIR = Path.of(System.getProperty("helios.wasm.gc.dir", "target/wasm-gc"));
  private static final Path WASM_RUNNER =
      Path.of(System.getProperty("helios.wasm.runner", "src/test/js/run-wasm.mjs"));
  private static final Path JS_DIR = Path.of(System.getProperty("helios.wasm.js.dir", "target/js"));
  private static final Path JS_RUNNER =
      Path.of(System.getProperty("helios.js.runner", "src/test/js/run-js.mjs"));

  @Test
  void buildWritesTheWasmModule() throws IOException {
    Path wasm = WASM_DIR.resolve("app.wasm");
    assertTrue(Files.isRegularFile(wasm), wasm + " is missing: did the teavm-maven-plugin run?");
    byte[] bytes = Files.readAllBytes(wasm);
    assertTrue(bytes.length > WASM_MAGIC.length, wasm + " is empty");
    assertArrayEquals(WASM_MAGIC, Arrays.copyOf(bytes, WASM_MAGIC.length), wasm + " lacks the \\0asm magic");
  }

  @Test
  void buildWritesTheWasmRuntime() throws IOException {
    Path runtime = WASM_DIR.resolve("app.wasm-runtime.mjs");
    assertTrue(Files.isRegularFile(runtime), runtime + " is missing: did copy-webassembly-gc-runtime run?");
    assertTrue(Files.size(runtime) > 0, runtime + " is empty");
  }

  /**
   * The explorer runs in the browser build, sequentially: the threaded runner (reached only through
   * {@code ScenarioBuilder.parallelism}) is not compiled in. Its thread name would be in the output.
   */
  @Test
  void theBrowserBuildHoldsTheExplorerButNoThreadCode() throws IOException {
    String js = Files.readString(JS_DIR.resolve("app.js"), StandardCharsets.UTF_8);
    assertTrue(js.contains("deduplicated"), "the exploration should be compiled into " + JS_DIR.resolve("app.js"));
    assertTrue(!js.contains("helios-explorer"), "thread code of the explorer is reachable from the browser build");
  }

  @Test
  void buildWritesTheJavaScriptModule() throws IOException {
    Path js = JS_DIR.resolve("app.js");
    assertTrue(Files.isRegularFile(js), js + " is missing: did the teavm-maven-plugin run?");
    assertTrue(Files.size(js) > 0, js + " is empty");
  }

  @Test
  void wasmPrintsTheJvmTraceHash() throws Exception {
    Simulation sim = QuickstartWasm.build(QuickstartWasm.SEED);
    sim.run();
    String jvmHash = TraceFormats.hex(sim.traceHash());

    List<String> wasmOutput = run(NodeJs.MAJOR_WASM_GC, WASM_RUNNER, WASM_DIR);
    String hashLine = wasmOutput.stream()
        .filter(line -> line.contains(HASH_PREFIX))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no '" + HASH_PREFIX + "' line in the wasm output: " + wasmOutput));
    String wasmHash = hashLine.substring(hashLine.indexOf(HASH_PREFIX) + HASH_PREFIX.length()).trim();
    assertEquals(jvmHash, wasmHash, "trace hash, JVM vs WebAssembly; seed=42");
  }

  @Test
  void wasmPrintsWhatTheJvmPrints() throws Exception {
    List<String> jvmOutput = runOnJvm();
    List<String> wasmOutput = run(NodeJs.MAJOR_WASM_GC, WASM_RUNNER, WASM_DIR);
    assertEquals(jvmOutput, wasmOutput, "QuickstartWasm output, JVM vs WebAssembly; seed=42");
  }

  @Test
  void javaScriptPrintsWhatTheJvmPrints() throws Exception {
    List<String> jvmOutput = runOnJvm();
    List<String> jsOutput = run(NodeJs.MAJOR_JS, JS_RUNNER, JS_DIR);
    assertEquals(jvmOutput, jsOutput, "QuickstartWasm output, JVM vs JavaScript; seed=42");
  }

  /**
   * Runs a TeaVM build with {@code runner} under Node {@code majorMin} or newer and returns its
   * standard output, or skips the calling test if there is no such Node.
   */
  private static List<String> run(int majorMin, Path runner, Path buildDir)
      throws IOException, InterruptedException {
    NodeJs.Lookup lookup = NodeJs.find(majorMin);
    assumeTrue(lookup.node() != null, () -> "skipped: " + lookup.reason());
    NodeJs.Run run = lookup.node().run(runner, RUN_SECONDS_MAX, buildDir.toString());
    assertEquals(0, run.exitCode(), () -> "node " + lookup.node().version() + " failed: " + run.stderr());
    return run.stdout();
  }

  /** Runs {@link QuickstartWasm#main} on this JVM and returns what it printed, line by line. */
  private static List<String> runOnJvm() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      QuickstartWasm.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
