package dev.helios.runtime.cli;

import dev.helios.runtime.explore.ExplorationResult;
import dev.helios.runtime.explore.Violation;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints what {@code --explore} or {@code --merge} found: the result's summary, then a command line
 * that replays each distinct violation (the first {@link #REPLAYS_MAX}) and the browser visualizer's
 * link query that shows it ({@code view: ?sim=...}), and with {@code --shrink} the
 * shrunk violation and its command line (the first {@link #SHRUNK_MAX}: each shrink reruns its
 * scenario many times).
 */
final class ExplorationReport {
  static final int REPLAYS_MAX = 20;
  static final int SHRUNK_MAX = 5;

  private ExplorationReport() {}

  /** The simulation a generated main ({@code FooMain}) runs, as the visualizer's {@code sim} parameter names it. */
  static String simulationName(String program) {
    return program.endsWith("Main") && program.length() > 4 ? program.substring(0, program.length() - 4) : program;
  }

  static void print(String program, long buildSeed, ExplorationResult result, boolean shrink, PrintStream out) {
    out.print(result.summary());
    List<Violation> kept = result.distinctViolations();
    if (kept.isEmpty()) {
      return;
    }
    int shown = Math.min(kept.size(), REPLAYS_MAX);
    out.println("replay" + (shown < kept.size() ? " (the first " + shown + " of " + kept.size() + " distinct)" : "") + ":");
    for (int i = 0; i < shown; i++) {
      Violation violation = kept.get(i);
      String number = (i + 1) + ": ";
      out.println("  " + number + program + " " + violation.replayArguments(buildSeed));
      String indent = "  " + " ".repeat(number.length());
      out.println(indent + "view: ?" + violation.viewQuery(simulationName(program), buildSeed));
      if (shrink && i < SHRUNK_MAX) {
        Violation shrunk = violation.shrink();
        out.println(indent + "shrunk: " + shrunk);
        out.println(indent + program + " " + shrunk.replayArguments(buildSeed));
        out.println(indent + "view: ?" + shrunk.viewQuery(simulationName(program), buildSeed));
      }
    }
    if (kept.size() > shown) {
      out.println("  ... and " + (kept.size() - shown) + " more distinct violations, listed above; --results FILE writes them all");
    }
    if (shrink && shown > SHRUNK_MAX) {
      out.println("  (shrunk: the first " + SHRUNK_MAX + "; each shrink reruns its scenario many times)");
    }
  }
}
