package dev.helios.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import dev.helios.runtime.trace.TraceFormats;
import dev.helios.runtime.trace.TraceKind;
import dev.helios.runtime.trace.TraceEvent;

/**
 * Fork-then-run equals run for {@link OrderNode}, whose trace depends on the order, kind and class
 * of every part of its state and on messages in flight being values or copies: in this JVM and in
 * a second JVM process, where identity hash codes (and so any hash-ordered stand-in for an
 * EnumSet, or a toString() with an identity hash in it) come out differently.
 */
class ExactForkTest {
  private static final int NODES = 4;
  private static final long HORIZON_MS = 120;

  /** Four {@link OrderNode}s on a slightly lossy, jittery network. */
  static Simulation build(long seed, boolean recording) {
    SimulationBuilder builder = SimulationBuilder.create();
    for (int id = 0; id < NODES; id++) {
      builder.node(id, () -> new OrderNode(NODES));
    }
    return builder.lossyNetwork(1, 1, 0.05, seed).horizonMs(HORIZON_MS).recordTrace(recording).build();
  }

  /**
   * The trace hashes of seed {@code seed}: run straight through; and forked at {@code forkMicros},
   * the fork run to the end first and the original after it (a message the two still shared would
   * carry the fork's changes into the original's future).
   */
  static List<String> hashes(long seed, long forkMicros) {
    Simulation unforked = build(seed, false);
    unforked.run();
    Simulation original = build(seed, false);
    original.runUntilMicros(forkMicros);
    Simulation fork = original.fork();
    fork.run();
    original.run();
    return List.of(TraceFormats.hex(unforked.traceHash()), TraceFormats.hex(original.traceHash()), TraceFormats.hex(fork.traceHash()));
  }

  private static long forkMicros(long seed) {
    return 5_000 + Math.floorMod(seed * 7_919_000L, (HORIZON_MS - 10) * 1000);
  }

  /** Entry point of the child JVM: prints {@link #hashes} for the seed in args[0]. */
  public static void main(String[] args) {
    long seed = Long.parseLong(args[0]);
    System.out.println(String.join(" ", hashes(seed, forkMicros(seed))));
  }

  @Test
  void forkThenRunEqualsRunAtManyForkTimes() {
    for (long seed = 1; seed <= 12; seed++) {
      for (long forkMs = 3; forkMs < HORIZON_MS; forkMs += 17) {
        List<String> hashes = hashes(seed, forkMs * 1000);
        String unforked = hashes.get(0);
        assertEquals(List.of(unforked, unforked, unforked), hashes, "unforked, original, fork; seed=" + seed + " fork at " + forkMs + " ms");
      }
    }
  }

  @Test
  void aSecondProcessGetsTheSameHashes() throws IOException, InterruptedException {
    for (long seed : new long[] {3, 11}) {
      List<String> here = hashes(seed, forkMicros(seed));
      assertEquals(String.join(" ", here), runChild(seed), "seed=" + seed);
      assertEquals(List.of(here.get(0), here.get(0), here.get(0)), here, "seed=" + seed);
    }
  }

  @Test
  void forksHappenWithMutableMessagesInFlight() {
    int forkPointsWithBaskets = 0;
    for (long seed = 1; seed <= 12; seed++) {
      Simulation sim = build(seed, true);
      sim.run();
      for (long forkMs = 3; forkMs < HORIZON_MS; forkMs += 17) {
        if (basketsInFlight(sim.trace(), forkMs * 1000) > 0) {
          forkPointsWithBaskets++;
        }
      }
    }
    assertTrue(forkPointsWithBaskets > 10, "fork points with a @Copyable message in flight: " + forkPointsWithBaskets);
  }

  @Test
  void messagesWithoutToStringAreTracedByValue() {
    Simulation sim = build(5, true);
    sim.run();
    String text = TraceFormats.text(sim.trace());
    assertTrue(text.contains("Token[round="), "a Token by value");
    assertFalse(text.contains("@"), "an identity hash in the trace");
    assertTrue(text.contains("Basket{\"items\":[\"from "), "a @Copyable message is described as its state");
  }

  /** Baskets sent at or before {@code timeMicros} and delivered or dropped after it. */
  private static int basketsInFlight(List<TraceEvent> trace, long timeMicros) {
    TreeSet<Long> inFlight = new TreeSet<>();
    for (TraceEvent event : trace) {
      if (event.timeMicros() > timeMicros) {
        break;
      }
      boolean basket = event.payload() != null && event.payload().startsWith("Basket");
      if (basket && (event.kind() == TraceKind.SEND || event.kind() == TraceKind.DUPLICATE)) {
        inFlight.add(event.id());
      } else if (basket && (event.kind() == TraceKind.DELIVER || event.kind() == TraceKind.DROP)) {
        inFlight.remove(event.id());
      }
    }
    return inFlight.size();
  }

  private static String runChild(long seed) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        ExactForkTest.class.getName(), Long.toString(seed)));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("child JVM failed for seed=" + seed + ": " + output);
    }
    return output;
  }
}
