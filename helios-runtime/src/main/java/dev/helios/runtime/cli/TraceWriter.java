package dev.helios.runtime.cli;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.trace.TraceEvent;
import dev.helios.runtime.trace.TraceFormats;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one run's trace where the options say: to standard output or to {@code --trace FILE}, as
 * the events happen (text and JSON Lines) or once the run ends (the Chrome format, whose flows need
 * the whole trace), or after the run from the simulation's recorded trace (a scenario of the
 * explorer, whose simulation is made inside it). The file is opened before the run, so a bad path is
 * reported before any work.
 */
final class TraceWriter implements AutoCloseable {
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

  static TraceWriter open(CliOptions options, PrintStream out) throws OutputFile.CannotWriteException {
    if (options.traceFile() == null) {
      return new TraceWriter(options, options.quiet() ? null : new PrintWriter(out), out);
    }
    return new TraceWriter(options, OutputFile.open("the trace", options.traceFile()), out);
  }

  /** Starts listening to {@code simulation}'s events. */
  void attachTo(Simulation simulation) {
    if (writer != null) {
      simulation.addTraceListener(this::write);
    }
  }

  /** Writes the trace {@code simulation} recorded: for a run that had no listener attached. */
  void writeRecorded(Simulation simulation) {
    if (writer != null) {
      simulation.trace().forEach(this::write);
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
