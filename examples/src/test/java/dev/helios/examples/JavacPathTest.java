package dev.helios.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user path without Maven: the three jars as a user gets them, {@code javac -cp <jars>
 * -Xlint:all -Werror -d out Relay.java MySim.java}, then {@code java -cp out:<jars> MySimMain --seed 7}.
 */
class JavacPathTest {
  private static final String RELAY = """
      import dev.helios.annotations.Node;
      import dev.helios.annotations.OnMessage;
      import dev.helios.annotations.OnStart;
      import dev.helios.runtime.Context;
      import java.util.ArrayList;
      import java.util.List;

      @Node
      final class Relay {
        record Greeting(String text, int hops) {}

        final List<Greeting> seen = new ArrayList<>();
        int next;

        Relay(int next) {
          this.next = next;
        }

        @OnMessage
        void onGreeting(Greeting greeting, Context context) {
          seen.add(greeting);
          if (greeting.hops() > 0) {
            context.send(next, new Greeting(greeting.text(), greeting.hops() - 1));
          }
        }
      }
      """;

  private static final String MY_SIM = """
      import dev.helios.annotations.SimulationMain;
      import dev.helios.runtime.Simulation;
      import dev.helios.runtime.SimulationBuilder;

      @SimulationMain
      public final class MySim {
        public static Simulation build(long seed) {
          return SimulationBuilder.create()
              .node(0, () -> new Relay(1))
              .node(1, () -> new Relay(2))
              .node(2, () -> new Relay(0))
              .lossyNetwork(5, 1, 0.0, seed)
              .send(0, 1, new Relay.Greeting("hi", 5), 1)
              .build();
        }
      }
      """;

  @Test
  void javacAndJavaWithTheThreeJarsRunTheGeneratedMain(@TempDir Path work) throws IOException, InterruptedException {
    List<String> jars = new ArrayList<>();
    for (String jar : List.of("annotations", "processor", "runtime")) {
      String path = System.getProperty("helios.jar." + jar);
      assertTrue(path != null && Files.isRegularFile(Path.of(path)), "missing helios-" + jar + " jar at " + path);
      jars.add(path);
    }
    String classpath = String.join(File.pathSeparator, jars);
    Files.writeString(work.resolve("Relay.java"), RELAY, StandardCharsets.UTF_8);
    Files.writeString(work.resolve("MySim.java"), MY_SIM, StandardCharsets.UTF_8);
    Path bin = Path.of(System.getProperty("java.home"), "bin");

    // Every lint as an error: the processor claims its annotations and its output compiles cleanly.
    Result javac = run(work, bin.resolve("javac").toString(), "-cp", classpath, "-Xlint:all", "-Werror", "-d", "out",
        "Relay.java", "MySim.java");
    assertEquals(0, javac.status(), "javac failed:\n" + javac.output());
    assertTrue(Files.isRegularFile(work.resolve("out/MySimMain.class")), "no generated main:\n" + javac.output());
    assertTrue(Files.isRegularFile(work.resolve("out/Relay_Helios.class")), "no generated companion");

    Result java = run(work, bin.resolve("java").toString(), "-cp", "out" + File.pathSeparator + classpath,
        "MySimMain", "--seed", "7");
    assertEquals(0, java.status(), "the generated main failed:\n" + java.output());
    String[] lines = java.output().strip().split("\n");
    assertTrue(java.output().contains("deliver      2 -> 0  #2  Greeting[text=\"hi\", hops=3]"), java.output());
    assertTrue(lines[lines.length - 2].startsWith("stopped: no events left"), java.output());
    assertTrue(lines[lines.length - 1].matches(
        "seed: 7, events: 10, virtual time: [0-9.]+ ms, wall time: \\d+ ms, trace hash: [0-9a-f]{16}"), java.output());

    Result help = run(work, bin.resolve("java").toString(), "-cp", "out" + File.pathSeparator + classpath,
        "MySimMain", "--bogus");
    assertEquals(2, help.status(), help.output());
    assertTrue(help.output().contains("MySimMain: unknown option '--bogus'"), help.output());
  }

  private record Result(int status, String output) {}

  private static Result run(Path directory, String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " ran over 120 s");
    return new Result(process.exitValue(), output);
  }
}
