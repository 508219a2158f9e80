package dev.helios.wasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;
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
 * Tests of the TeaVM build of {@link QuickstartWasm}: the WebAssembly GC module and its runtime are
 * written, and, where Node 22 is found, the module prints the same trace hash as the JVM.
 */
class QuickstartWasmTest {
  private static final byte[] WASM_MAGIC = {0, 'a', 's', 'm'};
  private static final String HASH_PREFIX = "trace hash: ";
  private static final long RUN_SECONDS_MAX = 120;

  private static final Path WASM_DIR = Path.of(System.getProperty("helios.wasm.gc.dir", "target/wasm-gc"));
  private static final Path RUNNER =
      Path.of(System.getProperty("helios.wasm.runner", "src/test/js/run-wasm.mjs"));

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

  @Test
  void wasmPrintsTheJvmTraceHash() throws Exception {
    Simulation sim =
        SimulationBuilder.create()
            .ping(0)
            .echo(1)
            .echo(2)
            .lossyNetwork(10, 2, 0.1, 42)
            .send(0, 1, "Hello", 100)
            .send(0, 2, "Hello", 100)
            .build();
    sim.run();
    String jvmHash = Simulation.hex(sim.traceHash());

    List<String> wasmOutput = runWasm();
    String hashLine = wasmOutput.stream()
        .filter(line -> line.contains(HASH_PREFIX))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no '" + HASH_PREFIX + "' line in the wasm output: " + wasmOutput));
    String wasmHash = hashLine.substring(hashLine.indexOf(HASH_PREFIX) + HASH_PREFIX.length()).trim();
    System.out.println("trace hash: JVM " + jvmHash + ", wasm " + wasmHash);
    assertEquals(jvmHash, wasmHash, "trace hash, JVM vs WebAssembly; seed=42");
  }

  @Test
  void wasmPrintsWhatTheJvmPrints() throws Exception {
    List<String> jvmOutput = runOnJvm();
    assertEquals(jvmOutput, runWasm(), "QuickstartWasm output, JVM vs WebAssembly; seed=42");
  }

  /** Runs the wasm module under Node 22, or skips the calling test if there is none. */
  private static List<String> runWasm() throws IOException, InterruptedException {
    Node22.Lookup lookup = Node22.find();
    assumeTrue(lookup.node() != null, () -> "skipped: " + lookup.reason());
    Node22.Run run = lookup.node().run(RUNNER, RUN_SECONDS_MAX, WASM_DIR.toString());
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
