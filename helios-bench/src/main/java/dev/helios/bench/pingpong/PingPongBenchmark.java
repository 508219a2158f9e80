package dev.helios.bench.pingpong;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Kernel throughput: the ping-pong workload on Helios and on each peer, in deliveries per second.
 * One operation is one delivery; an invocation builds the nodes and runs {@link #DELIVERY_COUNT}
 * deliveries (BENCHMARKS.md runs 10 M; 1 M keeps an invocation well under an iteration). Every
 * invocation's outcome is checked against the hand-written heap's, so a benchmark that did other
 * work fails instead of reporting a number.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(PingPongBenchmark.DELIVERY_COUNT)
public class PingPongBenchmark {
  /** Deliveries per invocation. */
  public static final int DELIVERY_COUNT = 1_000_000;

  @Param({"3", "10", "100", "1000"})
  int nodeCount;

  private PingPong.Outcome expected;

  @Setup
  public void computeExpectedOutcome() {
    expected = ArrayHeapPingPong.run(nodeCount, DELIVERY_COUNT);
  }

  private PingPong.Outcome check(PingPong.Outcome outcome) {
    if (!outcome.equals(expected)) {
      throw new IllegalStateException("N=" + nodeCount + ": got " + outcome + ", expected " + expected);
    }
    return outcome;
  }

  /** Helios with a record token, as users write messages. */
  @Benchmark
  public PingPong.Outcome helios() {
    return check(HeliosPingPong.run(nodeCount, DELIVERY_COUNT, TokenKind.RECORD));
  }

  /** Helios with a cached {@code Integer} token, which the trace digest hashes without {@code toString()}. */
  @Benchmark
  public PingPong.Outcome heliosBoxedToken() {
    return check(HeliosPingPong.run(nodeCount, DELIVERY_COUNT, TokenKind.BOXED));
  }

  @Benchmark
  public PingPong.Outcome arrayHeap() {
    return check(ArrayHeapPingPong.run(nodeCount, DELIVERY_COUNT));
  }

  @Benchmark
  public PingPong.Outcome priorityQueue() {
    return check(PriorityQueuePingPong.run(nodeCount, DELIVERY_COUNT));
  }

  @Benchmark
  public PingPong.Outcome ssjHenriksen() {
    return check(SsjPingPong.run(nodeCount, DELIVERY_COUNT));
  }

  @Benchmark
  public PingPong.Outcome dsolRedBlackTree() {
    return check(DsolPingPong.run(nodeCount, DELIVERY_COUNT));
  }
}
