package dev.helios.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The file that keeps one {@code @SimulationTest} method's failing seeds: one seed a line, lines
 * starting with {@code #} are comments. Seeds are only ever added; deleting the file resets it.
 */
final class FailingSeeds {
  /** The JUnit configuration parameter that names the directory of the files. */
  static final String DIRECTORY_PARAMETER = "helios.junit.failingSeedsDir";

  /** The directory of the files unless {@link #DIRECTORY_PARAMETER} names another, relative to the working directory. */
  static final String DEFAULT_DIRECTORY = "src/test/resources/helios/failing-seeds";

  private final Path file;
  private final String testName;

  private FailingSeeds(Path file, String testName) {
    this.file = file;
    this.testName = testName;
  }

  /** The file of the test method {@code context} runs: {@code <directory>/<test class>.<method>.txt}. */
  static FailingSeeds of(ExtensionContext context) {
    String directory = context.getConfigurationParameter(DIRECTORY_PARAMETER).orElse(DEFAULT_DIRECTORY);
    String testName = context.getRequiredTestClass().getName() + "." + context.getRequiredTestMethod().getName();
    return new FailingSeeds(Path.of(directory).resolve(testName + ".txt"), testName);
  }

  /** Where the file is (or would be), as an absolute path. */
  Path file() {
    return file.toAbsolutePath().normalize();
  }

  /**
   * The seeds in the file, in file order, or none if there is no file.
   *
   * @throws ExtensionConfigurationException if a line is not a seed, naming the file and the line
   */
  List<Long> read() {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the failing seeds of " + testName + " from " + file(), e);
    }
    List<Long> seeds = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        seeds.add(Long.parseLong(line));
      } catch (NumberFormatException e) {
        throw new ExtensionConfigurationException(file() + ":" + (i + 1) + ": \"" + line + "\" is not a seed;"
            + " the file holds one seed a line and # comments; fix the line or delete the file to reset it");
      }
    }
    return seeds;
  }

  /**
   * Appends {@code seed} unless the file has it already, creating the file (with a header saying
   * what it is) and its directories as needed. Returns false if the seed was there.
   */
  boolean add(long seed) throws IOException {
    // Invocations may run in parallel (junit.jupiter.execution.parallel.*): one writer at a time.
    synchronized (FailingSeeds.class) {
      if (read().contains(seed)) {
        return false;
      }
      String text = seed + "\n";
      if (!Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        text = header() + text;
      }
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return true;
    }
  }

  private String header() {
    return "# Seeds that failed " + testName + " (a Helios @SimulationTest), one a line.\n"
        + "# They run first, before the sweep, and stay after they pass, as regression seeds: commit this file.\n"
        + "# Delete it to reset.\n";
  }
}
