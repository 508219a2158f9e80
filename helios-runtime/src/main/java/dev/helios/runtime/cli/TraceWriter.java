package dev.helios.runtime.cli;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.trace.TraceEvent;
import dev.helios.runtime.trace.TraceFormats;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one run's trace where the options say: to standard output or to {@code --trace FILE}, as
 * the events happen (text and JSON Lines) or once the run ends (the Chrome format, whose flows need
 * the whole trace). The file is opened before the run, so a bad path is reported before any work.
 */
final class TraceWriter implements AutoCloseable {
  /** The trace file cannot be opened; the message says which file and why. */
  static final class CannotWriteException extends Exception {
    CannotWriteException(String message) {
      super(message);
    }
  }

  private final CliOptions options;
  private final Writer writer; // null when nothing is written
  private final PrintStream out;
  private final List<TraceEvent> chromeEvents = new ArrayList<>();
  private long eventsWritten;
  private IOException failure;

  private TraceWriter(CliOptions options, Writer writer, PrintStream out) {
    this.options = options;
    this.writer = writer;
    this.out = out;
  }

  static TraceWriter open(CliOptions options, PrintStream out) throws CannotWriteException {
    if (options.traceFile() == null) {
      return new TraceWriter(options, options.quiet() ? null : new PrintWriter(out), out);
    }
    String file = options.traceFile();
    try {
      Path path = Path.of(file);
      if (Files.isDirectory(path)) {
        throw new CannotWriteException("cannot write the trace to " + file + ": it is a directory; name a file");
      }
      return new TraceWriter(options, Files.newBufferedWriter(path, StandardCharsets.UTF_8), out);
    } catch (InvalidPathException e) {
      throw new CannotWriteException("cannot write the trace to " + file + ": not a valid path (" + e.getReason() + ")");
    } catch (NoSuchFileException e) {
      Path parent = Path.of(file).toAbsolutePath().getParent();
      throw new CannotWriteException(
          "cannot write the trace to " + file + ": the directory " + parent + " does not exist; create it first");
    } catch (AccessDeniedException e) {
      throw new CannotWriteException("cannot write the trace to " + file + ": permission denied");
    } catch (FileSystemException e) {
      throw new CannotWriteException(
          "cannot write the trace to " + file + ": " + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()));
    } catch (IOException e) {
      throw new CannotWriteException("cannot write the trace to " + file + ": " + e);
    }
  }

  /** Starts listening to {@code simulation}'s events. */
  void attachTo(Simulation simulation) {
    if (writer != null) {
      simulation.addTraceListener(this::write);
    }
  }

  private void write(TraceEvent event) {
    if (failure != null) {
      return;
    }
    eventsWritten++;
    switch (options.format()) {
      case TEXT -> append(event.toText());
      case JSONL -> append(event.toJson());
      case CHROME -> chromeEvents.add(event);
    }
  }

  private void append(String line) {
    try {
      writer.write(line);
      writer.write('\n');
    } catch (IOException e) {
      failure = e;
    }
  }

  /** Writes what waits for the end and flushes; returns what went wrong, or null. */
  String finish(Simulation simulation) {
    if (writer == null) {
      return null;
    }
    try {
      if (options.format() == CliOptions.TraceFormat.CHROME && failure == null) {
        writer.write(TraceFormats.chromeJson(chromeEvents, simulation.nodeIds()));
      }
      writer.flush();
    } catch (IOException e) {
      failure = failure == null ? e : failure;
    }
    if (failure != null) {
      return "writing the trace to " + (options.traceFile() == null ? "standard output" : options.traceFile())
          + " failed after " + eventsWritten + " events: " + failure.getMessage();
    }
    if (options.traceFile() != null && !options.quiet()) {
      out.println("trace (" + options.format().flag + ", " + eventsWritten + " events) written to " + options.traceFile());
    }
    return null;
  }

  @Override
  public void close() {
    if (writer != null && options.traceFile() != null) {
      try {
        writer.close();
      } catch (IOException e) {
        // finish() already reported a failed write; a failed close after a good flush loses nothing
      }
    }
  }
}
