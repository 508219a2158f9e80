package dev.helios.examples;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.cli.SimulationCli;
import dev.helios.runtime.explore.ScenarioBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * A generated main's command line run in this JVM, as {@code FooMain args...} would run it: its exit
 * status and what it printed. For the examples' tests.
 */
public record MainRun(int status, String out, String err) {
  /** Runs {@code program}'s command line ({@link SimulationCli}) with {@code build} and {@code scenarios}. */
  public static MainRun of(
      String program, LongFunction<Simulation> build, Function<Simulation, ScenarioBuilder> scenarios, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = SimulationCli.run(program, args, build, scenarios, o, e);
    }
    return new MainRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "status " + status + "\nstdout:\n" + out + "\nstderr:\n" + err;
  }

  /** {@code line} split into words as a shell does it: at spaces, except inside double quotes. */
  public static String[] shellWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        inWord = true;
      } else if (c == ' ' && !quoted) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words.toArray(new String[0]);
  }
}
