package dev.helios.processor;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The real helios-runtime, compiled from its sources with this processor once per test JVM.
 *
 * <p>The processor module cannot depend on the runtime (the runtime needs the processor to build
 * its own nodes), so surefire passes the runtime's source directory as {@code
 * helios.runtime.sources} and the tests compile it here, into a temporary directory, the first
 * time one of them needs it.
 */
final class CompiledRuntime {
  static final String SOURCES_PROPERTY = "helios.runtime.sources";

  private CompiledRuntime() {}

  /** The directory holding the runtime's classes and its services file. */
  static Path directory() {
    return Holder.DIRECTORY;
  }

  /** The test JVM's class path plus the compiled runtime: what user code compiles against. */
  static List<File> classpath() {
    List<File> files = new ArrayList<>(testClasspath());
    files.add(directory().toFile());
    return files;
  }

  /** The test JVM's class path, which holds helios-annotations, javapoet and this processor. */
  static List<File> testClasspath() {
    List<File> files = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        files.add(new File(entry));
      }
    }
    return files;
  }

  private static final class Holder {
    static final Path DIRECTORY = compile();

    private static Path compile() {
      String sources = System.getProperty(SOURCES_PROPERTY);
      if (sources == null) {
        throw new IllegalStateException(
            "system property " + SOURCES_PROPERTY + " is not set; run the tests through Maven,"
                + " or set it to helios-runtime/src/main/java");
      }
      try {
        Path output = Files.createTempDirectory("helios-runtime-classes");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(output)));
        List<File> files;
        try (Stream<Path> walk = Files.walk(Path.of(sources))) {
          files =
              walk.filter(p -> p.toString().endsWith(".java"))
                  .sorted()
                  .map(Path::toFile)
                  .collect(Collectors.toList());
        }
        if (files.isEmpty()) {
          throw new IllegalStateException("no .java files under " + sources);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter log = new StringWriter();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, UTF_8)) {
          Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromFiles(files);
          List<String> options =
              List.of(
                  "--release", "17",
                  "-classpath", testClasspath().stream().map(File::getPath)
                      .collect(Collectors.joining(File.pathSeparator)),
                  "-d", output.toString());
          JavaCompiler.CompilationTask task =
              compiler.getTask(log, fileManager, null, options, null, units);
          task.setProcessors(List.of(new HeliosProcessor()));
          if (!task.call()) {
            throw new IllegalStateException("helios-runtime does not compile:\n" + log);
          }
        }
        return output;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static void deleteTree(Path root) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // A leftover temporary directory is harmless.
      }
    }
  }
}
