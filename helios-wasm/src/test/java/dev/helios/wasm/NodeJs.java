package dev.helios.wasm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Node.js binary used to run TeaVM's output: Node 24 or newer for WebAssembly GC, any supported
 * Node for the JavaScript build. Node 20 cannot run WebAssembly GC at all; Node 22 runs it, but its
 * V8 (12.4) never finishes the optimizing compile (TurboFan) of one function of TeaVM's output
 * once that function is hot, and the process then never exits (V8 13.6, in Node 24, compiles it in
 * a second; so do current browsers).
 *
 * <p>Looked up in the system property {@code helios.node}, then the environment variable
 * {@code HELIOS_NODE}, then {@code node} on the {@code PATH}. A binary named explicitly must be
 * Node 24 or newer, or the lookup fails; {@code node} on the {@code PATH} is simply passed over
 * when it is older than the caller needs.
 */
record NodeJs(String command, String version) {
  static final String PROPERTY = "helios.node";
  static final String VARIABLE = "HELIOS_NODE";
  /** The first Node that runs TeaVM's WebAssembly GC output to the end (see above). */
  static final int MAJOR_WASM_GC = 24;
  /** The oldest Node the runner scripts need (ES modules with top-level await). */
  static final int MAJOR_JS = 18;

  /** What a lookup found: a binary, or why there is none. */
  record Lookup(NodeJs node, String reason) {}

  /**
   * Finds a Node of version {@code majorMin} or newer; throws if one was named explicitly but is
   * not Node {@value #MAJOR_WASM_GC} or newer.
   */
  static Lookup find(int majorMin) {
    String named = System.getProperty(PROPERTY);
    String source = "system property " + PROPERTY;
    if (named == null || named.isBlank()) {
      named = System.getenv(VARIABLE);
      source = "environment variable " + VARIABLE;
    }
    if (named != null && !named.isBlank()) {
      String version = versionOf(named);
      if (version == null || majorOf(version) < MAJOR_WASM_GC) {
        throw new IllegalStateException(
            source + " names " + named + ", which is "
                + (version == null ? "not a runnable node binary" : "Node " + version)
                + "; name a Node " + MAJOR_WASM_GC + " or newer binary, or unset it to skip the run");
      }
      return new Lookup(new NodeJs(named, version), null);
    }
    String version = versionOf("node");
    if (version != null && majorOf(version) >= majorMin) {
      return new Lookup(new NodeJs("node", version), null);
    }
    return new Lookup(
        null,
        "no Node " + majorMin + " or newer: `node` on the PATH is "
            + (version == null ? "missing" : version)
            + "; set -D" + PROPERTY + "=/path/to/node or " + VARIABLE + " to run this test");
  }

  /** The output of {@code command --version} (e.g. {@code v22.23.3}), or null if it cannot run. */
  private static String versionOf(String command) {
    try {
      Process process = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return null;
      }
      String version = new String(output, StandardCharsets.UTF_8).trim();
      return version.startsWith("v") ? version : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The major version of {@code v22.23.3}, or -1 if it does not parse. */
  private static int majorOf(String version) {
    int dot = version.indexOf('.');
    try {
      return Integer.parseInt(version.substring(1, dot < 0 ? version.length() : dot));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The result of one run of a Node script. */
  record Run(int exitCode, List<String> stdout, String stderr) {}

  /** Runs {@code node script args...} and waits at most {@code timeoutSeconds}. */
  Run run(Path script, long timeoutSeconds, String... args) throws IOException, InterruptedException {
    Path stdout = Files.createTempFile("helios-node-", ".out");
    Path stderr = Files.createTempFile("helios-node-", ".err");
    try {
      String[] commandLine = new String[args.length + 2];
      commandLine[0] = command;
      commandLine[1] = script.toString();
      System.arraycopy(args, 0, commandLine, 2, args.length);
      Process process =
          new ProcessBuilder(commandLine)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " " + script + " ran over " + timeoutSeconds + " s");
      }
      return new Run(
          process.exitValue(),
          Files.readAllLines(stdout, StandardCharsets.UTF_8),
          Files.readString(stderr, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }
}
