package dev.helios.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.runtime.SimulationSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's example commands: one per example that declares scenarios, each run as written,
 * from the project's root with the class path it names, ending with the exit status it claims.
 */
class ExampleCommandsTest {
  private static final Pattern COMMAND = Pattern.compile(
      "(?m)^java -cp (examples/target/classes:helios-runtime/target/classes) (dev\\.helios\\.examples\\.\\S+Main) (.*?)\\s+# exit (\\d)");

  record Command(String classPath, String mainClass, List<String> arguments, int exitStatus) {
    @Override
    public String toString() {
      return mainClass.substring(mainClass.lastIndexOf('.') + 1) + " " + String.join(" ", arguments);
    }
  }

  static Stream<Command> readmeCommands() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    List<Command> commands = new ArrayList<>();
    Matcher matcher = COMMAND.matcher(readme);
    while (matcher.find()) {
      commands.add(new Command(matcher.group(1), matcher.group(2), List.of(matcher.group(3).split(" ")),
          Integer.parseInt(matcher.group(4))));
    }
    return commands.stream();
  }

  @Test
  void everyExampleWithScenariosHasItsCommand() throws IOException {
    List<String> mains = readmeCommands().map(Command::mainClass).toList();
    for (SimulationSource source : SimulationSource.all()) {
      if (source.hasScenarios() && source.name().startsWith("dev.helios.examples.")) {
        assertTrue(mains.contains(source.name() + "Main"), "the README has no command for " + source.name() + ": " + mains);
      }
    }
    assertEquals(mains.stream().distinct().count(), mains.size(), "one command per example: " + mains);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readmeCommands")
  void theCommandRunsAsTheReadmeSays(Command command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", command.classPath(), command.mainClass()));
    line.addAll(command.arguments());
    Process process = new ProcessBuilder(line).directory(Path.of("..").toFile()).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), out);
    assertEquals(command.exitStatus(), process.exitValue(), out);
    assertTrue(out.contains("\nseed: 42, scenarios: "), out);
  }
}
