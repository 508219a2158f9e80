package dev.helios.bench.pingpong;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Runs every ping-pong implementation once per node count and fails unless all print the same
 * outcome: the proof that the throughput comparison is between equal amounts of work.
 */
public final class ChecksumCheck {
  private ChecksumCheck() {}

  /** Arguments: deliveries per run (default 1,000,000), then node counts (default 3 10 100 1000). */
  public static void main(String[] args) {
    long deliveryCount = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int[] nodeCounts = {3, 10, 100, 1000};
    if (args.length > 1) {
      nodeCounts = new int[args.length - 1];
      for (int i = 1; i < args.length; i++) {
        nodeCounts[i - 1] = Integer.parseInt(args[i]);
      }
    }
    boolean allMatch = true;
    for (int nodeCount : nodeCounts) {
      Map<String, LongFunction<PingPong.Outcome>> runs = new LinkedHashMap<>();
      runs.put("helios (record token)", d -> HeliosPingPong.run(nodeCount, d, TokenKind.RECORD));
      runs.put("helios (boxed token)", d -> HeliosPingPong.run(nodeCount, d, TokenKind.BOXED));
      runs.put("array heap", d -> ArrayHeapPingPong.run(nodeCount, d));
      runs.put("PriorityQueue", d -> PriorityQueuePingPong.run(nodeCount, d));
      runs.put("SSJ Henriksen", d -> SsjPingPong.run(nodeCount, d));
      runs.put("DSOL RedBlackTree", d -> DsolPingPong.run(nodeCount, d));
      PingPong.Outcome expected = null;
      for (Map.Entry<String, LongFunction<PingPong.Outcome>> run : runs.entrySet()) {
        PingPong.Outcome outcome = run.getValue().apply(deliveryCount);
        if (expected == null) {
          expected = outcome;
        }
        boolean match = outcome.equals(expected);
        allMatch &= match;
        System.out.printf("N=%-5d %-22s %s %s%n", nodeCount, run.getKey(), outcome, match ? "ok" : "MISMATCH");
      }
    }
    if (!allMatch) {
      System.out.println("checksums differ: the implementations did not do the same work");
      System.exit(1);
    }
    System.out.println("checksums: all implementations match");
  }
}
