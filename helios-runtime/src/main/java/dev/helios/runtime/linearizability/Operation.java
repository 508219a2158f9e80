package dev.helios.runtime.linearizability;

/**
 * One client operation in a history: what {@code client} asked ({@code input}), what it got back
 * ({@code output}), and when it sent the request and saw the response, in microseconds of simulated
 * time.
 *
 * <p>A <em>pending</em> operation was invoked but its response was never seen (the client crashed,
 * or the run ended first): its {@code returnMicros} is {@link #PENDING} and its {@code output} null.
 * It may have taken effect at any point after its call, or never.
 *
 * @param client the client (process) that invoked it, zero or more; a client has one operation
 *     outstanding at a time
 * @param input what the client asked for, never null
 * @param output what it got back; null exactly when the operation is pending
 * @param callMicros when the client sent the request, zero or more
 * @param returnMicros when the client saw the response, at least {@code callMicros}; {@link
 *     #PENDING} if it never did
 */
public record Operation<I, O>(int client, I input, O output, long callMicros, long returnMicros) {
  /** The return time of a pending operation: never. */
  public static final long PENDING = Long.MAX_VALUE;

  /** Checks the operation; see the parameters for the rules. */
  public Operation {
    if (client < 0) {
      throw new IllegalArgumentException("client must be zero or more, got " + client);
    }
    if (input == null) {
      throw new IllegalArgumentException("input must not be null (client " + client + ")");
    }
    if (callMicros < 0) {
      throw new IllegalArgumentException(
          "callMicros must be zero or more, got " + callMicros + " (client " + client + ": " + input + ")");
    }
    if (returnMicros < callMicros) {
      throw new IllegalArgumentException("returnMicros must be at least callMicros, got returnMicros " + returnMicros
          + " < callMicros " + callMicros + " (client " + client + ": " + input + ")");
    }
    if (returnMicros == PENDING && output != null) {
      throw new IllegalArgumentException("a pending operation (returnMicros PENDING) has no output, got " + output
          + " (client " + client + ": " + input + ")");
    }
    if (returnMicros != PENDING && output == null) {
      throw new IllegalArgumentException("output must not be null for a completed operation (client " + client
          + ": " + input + " returned at " + millis(returnMicros)
          + "); use Operation.pending for one whose response was never seen");
    }
  }

  /** An operation that returned {@code output} at {@code returnMicros}. */
  public static <I, O> Operation<I, O> completed(int client, I input, O output, long callMicros, long returnMicros) {
    return new Operation<>(client, input, output, callMicros, returnMicros);
  }

  /** An operation invoked at {@code callMicros} whose response was never seen. */
  public static <I, O> Operation<I, O> pending(int client, I input, long callMicros) {
    return new Operation<>(client, input, null, callMicros, PENDING);
  }

  /** Whether the response was never seen, so the operation may or may not have taken effect. */
  public boolean isPending() {
    return returnMicros == PENDING;
  }

  /** Whether this operation returned before {@code other} was called; equal times are concurrent. */
  boolean precedes(Operation<?, ?> other) {
    return returnMicros < other.callMicros;
  }

  /** The operation for a report: {@code client 5: put(k1, 7) -> ok [1.200 ms, 3.400 ms]}. */
  @Override
  public String toString() {
    return describe(input + " -> " + (isPending() ? "pending" : output));
  }

  /** The operation for a report, with {@code body} (input and output) as a model describes them. */
  String describe(String body) {
    String interval = "[" + millis(callMicros) + ", " + (isPending() ? "...)" : millis(returnMicros) + "]");
    return "client " + client + ": " + body + " " + interval;
  }

  /** {@code micros} as milliseconds with three decimals: {@code 1.200 ms}. */
  static String millis(long micros) {
    long fraction = micros % 1000;
    String digits = fraction < 10 ? "00" + fraction : fraction < 100 ? "0" + fraction : Long.toString(fraction);
    return micros / 1000 + "." + digits + " ms";
  }
}
