package dev.helios.runtime.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import dev.helios.runtime.Context;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;
import java.util.Map;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/** The determinism check that also forks: two runs and a fork of the second, three equal traces. */
class ForkedDeterminismCheckTest {
  private static final LongFunction<Simulation> QUICKSTART = seed -> SimulationBuilder.create()
      .ping(0).echo(1).echo(2).lossyNetwork(10, 2, 0.1, seed).send(0, 1, "Hello", 100).send(0, 2, "Hello", 100).build();

  record Tick() {}

  /**
   * Deliberately non-deterministic: it logs tickets from a counter shared by every simulation in the
   * JVM, so a second run of the same seed logs other numbers.
   */
  @Node
  @SuppressWarnings("helios:StaticState") // the leak is the point
  static final class TicketLogger {
    static long nextTicket;

    long ticks;

    @OnStart
    void onStart(Context context) {
      context.setTimerMicros(1_000, new Tick());
    }

    @OnMessage
    void onTick(Tick tick, Context context) {
      context.log("ticket " + nextTicket++);
      if (++ticks < 10) {
        context.setTimerMicros(1_000, new Tick());
      }
    }
  }

  /**
   * Deliberately fork-unsafe: it keeps its count beside itself, in a static map keyed by instance,
   * where the generated copy cannot reach. A fresh build starts from nothing each time, so two runs
   * agree; a copy made at a fork starts from nothing again, so a forked run counts anew.
   */
  @Node
  static final class HiddenCounter {
    static final Map<HiddenCounter, Long> COUNTS = new WeakHashMap<>();

    @OnStart
    void onStart(Context context) {
      context.setTimerMicros(1_000, new Tick());
    }

    @OnMessage
    void onTick(Tick tick, Context context) {
      long count = COUNTS.merge(this, 1L, Long::sum);
      context.log("tick " + count);
      if (count < 10) {
        context.setTimerMicros(1_000, new Tick());
      }
    }
  }

  /** Throws on its third tick, the same way in every run. */
  @Node
  static final class Bomb {
    long ticks;

    @OnStart
    void onStart(Context context) {
      context.setTimerMicros(1_000, new Tick());
    }

    @OnMessage
    void onTick(Tick tick, Context context) {
      if (++ticks == 3) {
        throw new IllegalStateException("third tick");
      }
      context.setTimerMicros(1_000, new Tick());
    }
  }

  @Test
  void threeRunsOfAReproducibleBuildAgreeWhereverTheForkFalls() {
    for (long seed = 0; seed < 20; seed++) {
      ForkedDeterminismCheck check = ForkedDeterminismCheck.run(seed, seed, QUICKSTART, Simulation::run);
      assertTrue(check.deterministic(), "seed=" + seed + ": " + check.firstDifference());
      assertTrue(check.first().ok() && check.second().ok(), "seed=" + seed);
      assertTrue(check.forkEventCount() >= 0 && check.forkEventCount() < check.first().eventCount(), "seed=" + seed);
      assertEquals(check.first().traceHash(), check.second().traceHash(), "seed=" + seed);
      assertEquals(check.first().traceHash(), check.fork().orElseThrow().traceHash(), "seed=" + seed);
      assertEquals(check.first().eventCount(), check.fork().orElseThrow().eventCount(), "seed=" + seed);
    }
    ForkedDeterminismCheck untilTime = ForkedDeterminismCheck.run(4, 4, QUICKSTART, sim -> sim.runUntilMs(105));
    assertTrue(untilTime.deterministic(), untilTime.firstDifference());
    assertEquals(105_000, untilTime.fork().orElseThrow().virtualTimeMicros());
  }

  @Test
  void theForkPointIsPinnedByTheForkSeedAndFallsBeforeTheLastEvent() {
    assertEquals(ForkedDeterminismCheck.forkPoint(42, 1_000), ForkedDeterminismCheck.forkPoint(42, 1_000));
    assertEquals(0, ForkedDeterminismCheck.forkPoint(42, 0));
    assertEquals(0, ForkedDeterminismCheck.forkPoint(42, 1));
    TreeSet<Long> points = new TreeSet<>();
    for (long forkSeed = 0; forkSeed < 100; forkSeed++) {
      long point = ForkedDeterminismCheck.forkPoint(forkSeed, 1_000);
      assertTrue(point >= 0 && point < 1_000, "forkSeed=" + forkSeed + ": " + point);
      points.add(point);
    }
    assertTrue(points.size() > 90, "100 fork seeds chose only " + points.size() + " points");
    // Golden values: the choice is SplitMix64 on a derived stream, the same on every JVM and in WebAssembly.
    assertEquals(111, ForkedDeterminismCheck.forkPoint(42, 1_000));
    assertEquals(84_453, ForkedDeterminismCheck.forkPoint(7, 123_456));
  }

  @Test
  void aCounterSharedAcrossSimulationsIsCaughtAtItsFirstEvent() {
    LongFunction<Simulation> leaky = seed -> SimulationBuilder.create().node(0, TicketLogger::new).seed(seed).build();
    ForkedDeterminismCheck check = ForkedDeterminismCheck.run(5, 5, leaky, Simulation::run);
    assertFalse(check.deterministic());
    String difference = check.firstDifference();
    assertTrue(difference.startsWith("the second run, forked after " + check.forkEventCount()
        + " events and run on, differs from the first: first difference at trace event "), difference);
    assertTrue(difference.contains("\n    first run:  ") && difference.contains("\n    second run: "), difference);
    assertTrue(difference.contains("(its fork differs from the first run too)"), difference);
  }

  @Test
  void stateAForkCannotCopyIsCaughtOnlyByTheForkedCheck() {
    LongFunction<Simulation> build = seed -> SimulationBuilder.create().node(0, HiddenCounter::new).seed(seed).build();
    DeterminismCheck twoRuns = DeterminismCheck.run(9, build, Simulation::run);
    assertTrue(twoRuns.deterministic(), "fresh builds start from nothing each: " + twoRuns.firstDifference());

    // A fork point past the third tick, so the copy made at the fork has a count to forget.
    long events = twoRuns.first().eventCount();
    long forkSeed = 0;
    while (ForkedDeterminismCheck.forkPoint(forkSeed, events) < 6) {
      forkSeed++;
    }
    ForkedDeterminismCheck check = ForkedDeterminismCheck.run(9, forkSeed, build, Simulation::run);
    assertFalse(check.deterministic(), "forkSeed=" + forkSeed);
    assertEquals(ForkedDeterminismCheck.forkPoint(forkSeed, events), check.forkEventCount());
    String difference = check.firstDifference();
    assertTrue(difference.contains("forked after " + check.forkEventCount() + " events"), difference);
    // The first tick after the fork: the run counts on, the copy it was forked into starts again.
    assertTrue(difference.lines().anyMatch(line -> line.startsWith("    second run:") && line.endsWith("  tick 1")), difference);
  }

  @Test
  void aStaticTheForkSharesWithItsOriginalIsCaughtInTheFork() {
    // Each build resets the shared counter, so two runs agree; the fork then runs on after its
    // original has moved the counter on, so only the fork differs.
    LongFunction<Simulation> build = seed -> {
      TicketLogger.nextTicket = 0;
      return SimulationBuilder.create().node(0, TicketLogger::new).seed(seed).build();
    };
    ForkedDeterminismCheck check = ForkedDeterminismCheck.run(6, 6, build, Simulation::run);
    assertFalse(check.deterministic());
    assertEquals(check.first().traceHash(), check.second().traceHash());
    String difference = check.firstDifference();
    assertTrue(difference.startsWith("the fork made after " + check.forkEventCount()
        + " events of the second run differs from the first run: first difference at trace event "), difference);
    assertTrue(difference.contains("\n    first run: ") && difference.contains("\n    fork:      "), difference);
  }

  @Test
  void aRunThatFailsTheSameWayEachTimeIsDeterministic() {
    LongFunction<Simulation> build = seed -> SimulationBuilder.create().node(0, Bomb::new).seed(seed).build();
    ForkedDeterminismCheck check = ForkedDeterminismCheck.run(1, 1, build, Simulation::run);
    assertTrue(check.deterministic(), check.firstDifference());
    assertEquals(SeedRun.Outcome.FAILED, check.first().outcome());
    assertEquals(SeedRun.Outcome.FAILED, check.second().outcome());
    assertEquals(SeedRun.Outcome.FAILED, check.fork().orElseThrow().outcome());
    assertTrue(check.forkEventCount() < check.first().eventCount());
  }

  @Test
  void aBuildThatFailsAndARunThatRecordsNothingAreNamed() {
    int[] builds = {0};
    LongFunction<Simulation> secondBuildThrows = seed -> {
      if (builds[0]++ == 1) {
        throw new IllegalStateException("only once");
      }
      return QUICKSTART.apply(seed);
    };
    ForkedDeterminismCheck check = ForkedDeterminismCheck.run(2, 2, secondBuildThrows, Simulation::run);
    assertFalse(check.deterministic());
    assertTrue(check.fork().isEmpty());
    assertEquals(-1, check.forkEventCount());
    assertEquals("run 2 could not be built: build(2) threw java.lang.IllegalStateException: only once", check.firstDifference());

    LongFunction<Simulation> unrecorded =
        seed -> SimulationBuilder.create().node(0, TicketLogger::new).seed(seed).recordTrace(false).build();
    ForkedDeterminismCheck quiet = ForkedDeterminismCheck.run(2, 2, unrecorded, Simulation::run);
    assertFalse(quiet.deterministic());
    assertTrue(quiet.firstDifference().contains("turns recording off"), quiet.firstDifference());
  }
}
