package dev.helios.bench;

import dev.helios.bench.dispatch.DispatchBenchmark;
import dev.helios.bench.explore.ExplorerBenchmark;
import dev.helios.bench.fork.ForkBenchmark;
import dev.helios.bench.pingpong.PingPongBenchmark;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every Helios benchmark in one JMH run (so that ratios compare figures from the same machine
 * state) with the GC profiler on, then prints one table: Helios against each peer, the ratio, the
 * target and whether it is met. Each figure is the median over JMH forks (JVM launches).
 *
 * <p>Settings come from system properties: {@code forks} (default 2), {@code warmupIterations} (2),
 * {@code measurementIterations} (3), {@code iterationSeconds} (1), {@code nodeCounts} ("3,10,100,1000"),
 * {@code resultFile} (JMH's JSON results, default {@code jmh-result.json}), {@code logFile} (JMH's
 * own report, default {@code jmh-output.txt}).
 */
public final class RunAll {
  private RunAll() {}

  /** Median primary score and median allocation per operation of one benchmark (and node count). */
  private record Figure(double score, double allocationBytesPerOp, String unit, int forkCount) {}

  public static void main(String[] args) throws Exception {
    int forks = Integer.getInteger("forks", 2);
    int warmupIterations = Integer.getInteger("warmupIterations", 2);
    int measurementIterations = Integer.getInteger("measurementIterations", 3);
    int iterationSeconds = Integer.getInteger("iterationSeconds", 1);
    String[] nodeCounts = System.getProperty("nodeCounts", "3,10,100,1000").split(",");
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(ForkBenchmark.class.getName())
            .include(PingPongBenchmark.class.getName())
            .include(DispatchBenchmark.class.getName())
            .include(ExplorerBenchmark.class.getName())
            .param("nodeCount", nodeCounts)
            .forks(forks)
            .warmupIterations(warmupIterations)
            .warmupTime(TimeValue.seconds(iterationSeconds))
            .measurementIterations(measurementIterations)
            .measurementTime(TimeValue.seconds(iterationSeconds))
            .addProfiler(GCProfiler.class)
            .shouldFailOnError(true)
            .resultFormat(ResultFormatType.JSON)
            .result(System.getProperty("resultFile", "jmh-result.json"))
            .output(System.getProperty("logFile", "jmh-output.txt"));
    Collection<RunResult> results = new Runner(options.build()).run();
    Map<String, Figure> figures = new HashMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      String nodeCount = result.getParams().getParam("nodeCount");
      figures.put(nodeCount == null ? name : name + "@" + nodeCount, figureOf(result));
    }
    System.out.println();
    System.out.println(table(figures, nodeCounts, forks, warmupIterations, measurementIterations, iterationSeconds));
  }

  private static Figure figureOf(RunResult result) {
    List<Double> scores = new ArrayList<>();
    List<Double> allocations = new ArrayList<>();
    String unit = result.getPrimaryResult().getScoreUnit();
    for (BenchmarkResult fork : result.getBenchmarkResults()) {
      scores.add(fork.getPrimaryResult().getScore());
      Result<?> allocation = fork.getSecondaryResults().get("gc.alloc.rate.norm");
      if (allocation != null) {
        allocations.add(allocation.getScore());
      }
    }
    return new Figure(median(scores), allocations.isEmpty() ? Double.NaN : median(allocations), unit, scores.size());
  }

  private static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** The ratio table in Markdown. */
  static String table(
      Map<String, Figure> figures, String[] nodeCounts, int forks, int warmupIterations, int measurementIterations, int iterationSeconds) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "Helios vs peers: medians of %d fork(s), each %d x %d s warm-up + %d x %d s measurement; ratio > 1 means Helios is faster%n%n",
        forks, warmupIterations, iterationSeconds, measurementIterations, iterationSeconds));
    out.append("| comparison | Helios | peer | ratio | target | met |\n|---|---|---|---|---|---|\n");
    // A fork copies nodes on first touch (issue 10): against the peers' copies of five nodes, a fork
    // whose branch touches all five.
    String fork = "ForkBenchmark.heliosForkCopyingEveryNode";
    timeRow(out, figures, "fork vs Kryo copy (5 nodes)", fork, "ForkBenchmark.kryoCopy", "µs", 10);
    timeRow(out, figures, "fork vs Java serialization round trip", fork, "ForkBenchmark.javaSerializationRoundTrip", "µs", 50);
    timeRow(out, figures, "fork vs hand-written copy of the nodes (the limit)", fork, "ForkBenchmark.handWrittenCopy", "µs", 0);
    timeRow(out, figures, "fork copying nodes on first touch, none yet, vs fork copying all five", "ForkBenchmark.heliosFork", fork, "µs", 0);
    timeRow(out, figures, "generated node copy vs hand-written copy", "ForkBenchmark.companionCopy", "ForkBenchmark.handWrittenCopy", "µs", 0);
    // The ratio is fork time / fingerprint time: how many fingerprints one fork costs.
    timeRow(out, figures, "fingerprint vs fork (5 nodes)", "ForkBenchmark.heliosFingerprint", fork, "µs", 0);
    for (String nodeCount : nodeCounts) {
      String helios = "PingPongBenchmark.helios@" + nodeCount;
      String boxed = "PingPongBenchmark.heliosBoxedToken@" + nodeCount;
      String heap = "PingPongBenchmark.arrayHeap@" + nodeCount;
      String ssj = "PingPongBenchmark.ssjHenriksen@" + nodeCount;
      rateRow(out, figures, "ping-pong N=" + nodeCount + " vs hand-written heap", helios, heap, 0.8);
      rateRow(out, figures, "ping-pong N=" + nodeCount + " (boxed token) vs hand-written heap", boxed, heap, 0.8);
      rateRow(out, figures, "ping-pong N=" + nodeCount + " vs SSJ Henriksen", helios, ssj, 1.5);
      rateRow(out, figures, "ping-pong N=" + nodeCount + " (boxed token) vs SSJ Henriksen", boxed, ssj, 1.5);
      rateRow(out, figures, "ping-pong N=" + nodeCount + " vs PriorityQueue", helios, "PingPongBenchmark.priorityQueue@" + nodeCount, 0);
      rateRow(out, figures, "ping-pong N=" + nodeCount + " vs DSOL event list", helios, "PingPongBenchmark.dsolRedBlackTree@" + nodeCount, 0);
    }
    String generated = "DispatchBenchmark.generated";
    timeRow(out, figures, "dispatch vs Method.invoke (cached per class)", generated, "DispatchBenchmark.reflectionCached", "ns", 5);
    timeRow(out, figures, "dispatch vs Method.invoke (looked up by name each message)", generated, "DispatchBenchmark.reflectionLookupEachMessage", "ns", 0);
    timeRow(out, figures, "dispatch vs MethodHandle (cached per class)", generated, "DispatchBenchmark.methodHandleCached", "ns", 0);
    explorerRows(out, figures);
    out.append("\nAllocation (gc.alloc.rate.norm), target for ping-pong: at most one small object (<= 32 B) per event\n\n");
    out.append("| benchmark | bytes per op | op | met |\n|---|---|---|---|\n");
    allocationRow(out, figures, fork, "fork, every node copied", Double.NaN);
    allocationRow(out, figures, "ForkBenchmark.heliosFork", "fork, no node copied yet", Double.NaN);
    allocationRow(out, figures, "ForkBenchmark.kryoCopy", "copy of 5 nodes", Double.NaN);
    for (String nodeCount : nodeCounts) {
      allocationRow(out, figures, "PingPongBenchmark.helios@" + nodeCount, "event", 32);
      allocationRow(out, figures, "PingPongBenchmark.heliosBoxedToken@" + nodeCount, "event", 32);
    }
    return out.toString();
  }

  /** A row for time-per-operation figures: the ratio is peer time / Helios time (the speed-up). */
  private static void timeRow(StringBuilder out, Map<String, Figure> figures, String label, String helios, String peer, String unit, double target) {
    Figure h = figures.get(helios);
    Figure p = figures.get(peer);
    if (h == null || p == null) {
      return;
    }
    row(out, label, format(h.score()) + " " + unit, format(p.score()) + " " + unit, p.score() / h.score(), target);
  }

  /** A row for events-per-second figures: the ratio is Helios rate / peer rate. */
  private static void rateRow(StringBuilder out, Map<String, Figure> figures, String label, String helios, String peer, double target) {
    Figure h = figures.get(helios);
    Figure p = figures.get(peer);
    if (h == null || p == null) {
      return;
    }
    row(out, label, format(h.score() / 1e6) + " M/s", format(p.score() / 1e6) + " M/s", h.score() / p.score(), target);
  }

  private static void row(StringBuilder out, String label, String helios, String peer, double ratio, double target) {
    out.append("| ").append(label).append(" | ").append(helios).append(" | ").append(peer).append(" | ")
        .append(format(ratio)).append("x | ")
        .append(target > 0 ? "≥ " + format(target) + "x" : "—").append(" | ")
        .append(target > 0 ? (ratio >= target ? "yes" : "**no**") : "").append(" |\n");
  }

  /** The explorer (issue 10): one whole exploration per operation, shown as scenarios per second. */
  private static void explorerRows(StringBuilder out, Map<String, Figure> figures) {
    String withDedup = "ExplorerBenchmark.prefixSharingWithDedup";
    String prefixOnly = "ExplorerBenchmark.prefixSharingOnly";
    String scratch = "ExplorerBenchmark.fromScratch";
    scenarioRow(out, figures, "explorer: prefix sharing (dedup off) vs from scratch", prefixOnly, scratch, 3);
    scenarioRow(out, figures, "explorer: explore() (prefix sharing + dedup) vs from scratch", withDedup, scratch, 3);
    scenarioRow(out, figures, "explorer: dedup on vs off", withDedup, prefixOnly, 0);
    scenarioRow(out, figures, "explorer: parallelism 2 vs 1", "ExplorerBenchmark.prefixSharingWithDedupOnTwoThreads", withDedup, 0);
  }

  /** A row for the explorer's ms per exploration, shown as scenarios per second: the ratio is the speed-up. */
  private static void scenarioRow(StringBuilder out, Map<String, Figure> figures, String label, String helios, String peer, double target) {
    Figure h = figures.get(helios);
    Figure p = figures.get(peer);
    if (h == null || p == null) {
      return;
    }
    double scenarios = ExplorerBenchmark.SCENARIO_COUNT;
    row(out, label, format(scenarios / h.score()) + " k/s", format(scenarios / p.score()) + " k/s", p.score() / h.score(), target);
  }

  private static void allocationRow(StringBuilder out, Map<String, Figure> figures, String benchmark, String op, double targetBytes) {
    Figure figure = figures.get(benchmark);
    if (figure == null) {
      return;
    }
    out.append("| ").append(benchmark).append(" | ").append(format(figure.allocationBytesPerOp())).append(" | ").append(op)
        .append(" | ").append(Double.isNaN(targetBytes) ? "" : figure.allocationBytesPerOp() <= targetBytes + 0.5 ? "yes" : "**no**")
        .append(" |\n");
  }

  private static String format(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    double magnitude = Math.abs(value);
    String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, value);
  }

}
