package dev.helios.runtime;

import dev.helios.bench.pingpong.Token;
import dev.helios.runtime.internal.Fingerprints;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The per-event costs the ping-pong profile points at, measured one by one: what the kernel does
 * for each delivery besides the queue. It sits in the runtime's package (a split package, fine on
 * the class path) only to call the package-private {@link TraceRecorder}; it changes nothing there.
 * One operation is one ping-pong event: a SEND and a DELIVER trace record, or the text the kernel
 * builds for the delivery.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KernelCostProbe {
  private static final Integer BOXED_TOKEN = 7;

  private final TraceRecorder trace = new TraceRecorder(false);
  private final Object recordToken = new Token();
  private long nowMicros = 1_000;
  private int from = 1;
  private int to = 2;
  private long digest = 17;

  /** The two trace records of one event (send, then deliver) with a boxed payload. */
  @Benchmark
  public long traceDigestBoxedPayload() {
    nowMicros += 137;
    trace.record(nowMicros, TraceKind.SEND, from, to, -1, BOXED_TOKEN, null);
    trace.record(nowMicros + 600, TraceKind.DELIVER, from, to, -1, BOXED_TOKEN, null);
    return trace.digest();
  }

  /** The two trace records of one event with a record payload (digested through its {@code toString()}). */
  @Benchmark
  public long traceDigestRecordPayload() {
    nowMicros += 137;
    trace.record(nowMicros, TraceKind.SEND, from, to, -1, recordToken, null);
    trace.record(nowMicros + 600, TraceKind.DELIVER, from, to, -1, recordToken, null);
    return trace.digest();
  }

  /** A record's {@code toString()} alone: JDK 17 builds it with {@code String.format}. */
  @Benchmark
  public String recordToString() {
    return recordToken.toString();
  }

  /** The event description {@code Simulation.deliver} builds for every delivery, used only if the handler fails. */
  @Benchmark
  public String deliveryDescription() {
    from = (from + 1) & 1023;
    return "deliver " + from + " -> " + to;
  }

  /**
   * A sketch of a cheaper digest of the same six fields: one multiply-add per field and one
   * finaliser per record instead of one finaliser per field, for both records of an event.
   */
  @Benchmark
  public long sketchOneFinishPerRecord() {
    nowMicros += 137;
    digest = sketchRecord(digest, nowMicros, TraceKind.SEND.ordinal(), from, to, -1, BOXED_TOKEN);
    digest = sketchRecord(digest, nowMicros + 600, TraceKind.DELIVER.ordinal(), from, to, -1, BOXED_TOKEN);
    return digest;
  }

  private static long sketchRecord(long digest, long time, int kind, int from, int to, long timerId, Integer payload) {
    long h = digest;
    h = (h ^ time) * 0x9e3779b97f4a7c15L;
    h = (h ^ ((long) kind << 56 ^ (long) from << 28 ^ to)) * 0xbf58476d1ce4e5b9L;
    h = (h ^ timerId) * 0x94d049bb133111ebL;
    h = (h ^ payload) * 0x9e3779b97f4a7c15L;
    return Fingerprints.finish(h);
  }
}
