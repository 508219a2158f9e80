package dev.helios.runtime.check;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.trace.TraceEvent;
import java.util.List;

/** Names, in words, the first event at which two runs' traces differ: the determinism checks' report. */
final class TraceDiff {
  private TraceDiff() {}

  /**
   * Where the traces of {@code a} and {@code b} (called {@code aName} and {@code bName} in the text)
   * first differ; call it when their trace hashes differ.
   */
  static String firstDifference(Simulation a, String aName, Simulation b, String bName) {
    if (!a.isRecording() || !b.isRecording()) {
      return "the trace hashes differ, but build(seed) turns recording off, so the event cannot be named;"
          + " remove recordTrace(false) to see it";
    }
    List<TraceEvent> aTrace = a.trace();
    List<TraceEvent> bTrace = b.trace();
    int common = Math.min(aTrace.size(), bTrace.size());
    int width = Math.max(aName.length(), bName.length()) + 1;
    for (int i = 0; i < common; i++) {
      if (!aTrace.get(i).equals(bTrace.get(i))) {
        return "first difference at trace event " + i + ":\n    " + pad(aName + ":", width) + " " + aTrace.get(i).toText()
            + "\n    " + pad(bName + ":", width) + " " + bTrace.get(i).toText();
      }
    }
    if (aTrace.size() == bTrace.size()) {
      return "the trace hashes differ but the recorded events are equal: a payload's text hides a difference"
          + " its digest sees (compare the messages' fields)";
    }
    boolean aLonger = aTrace.size() > bTrace.size();
    return "the traces agree for " + common + " events, then the " + (aLonger ? aName : bName) + " has more: "
        + (aLonger ? aTrace : bTrace).get(common).toText();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
