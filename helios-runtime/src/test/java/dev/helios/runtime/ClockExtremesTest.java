package dev.helios.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import java.util.List;
import java.util.function.ObjLongConsumer;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import dev.helios.runtime.fault.Fault;
import dev.helios.runtime.trace.TraceEvent;

/**
 * The clock at its extremes: every public method that takes a time, delay, latency, jitter or
 * horizon, at 0, 1, the largest value it accepts and the values it refuses. The clock never wraps:
 * a sum past the end of time saturates at {@code Long.MAX_VALUE}, beyond any horizon, and a value
 * that cannot be represented is refused with a message naming it.
 */
class ClockExtremesTest {
  /** The most milliseconds that fit in a microsecond clock. */
  private static final long MS_MAX = Long.MAX_VALUE / 1000;
  private static final long MS_MAX_IN_MICROS = MS_MAX * 1000;
  private static final long END = Long.MAX_VALUE;

  /** Sets a timer of {@code firstDelayMicros} at start, then one of {@code nextDelayMicros} on each firing. */
  @dev.helios.annotations.Node
  static final class TimerSetter {
    final long firstDelayMicros;
    final long nextDelayMicros;
    long fired;

    TimerSetter(long firstDelayMicros, long nextDelayMicros) {
      this.firstDelayMicros = firstDelayMicros;
      this.nextDelayMicros = nextDelayMicros;
    }

    @OnStart
    void onStart(Context context) {
      context.setTimerMicros(firstDelayMicros, "first");
    }

    @OnMessage
    void onTimer(String name, Context context) {
      fired++;
      context.setTimerMicros(nextDelayMicros, "next");
    }
  }

  /** A named builder call taking one time, for parameterized tests. */
  record TimeCall(String name, ObjLongConsumer<SimulationBuilder> apply) {
    @Override
    public String toString() {
      return name;
    }
  }

  // ---- helpers ----

  /** Ping node 0 and echo node 1 on the default network (1 ms each way), seed 0. */
  private static SimulationBuilder pingEcho() {
    return SimulationBuilder.create().ping(0).echo(1);
  }

  private static Simulation timers(long firstDelayMicros, long nextDelayMicros, SimulationBuilder builder) {
    return builder.node(0, () -> new TimerSetter(firstDelayMicros, nextDelayMicros)).build();
  }

  /** Runs one event at a time, checking after each that the clock is not negative and did not go back. */
  private static RunResult runWatchingClock(Simulation sim) {
    long previous = sim.nowMicros();
    assertTrue(previous >= 0, "negative clock " + previous + ", seed=" + sim.seed());
    while (sim.step()) {
      assertTrue(sim.nowMicros() >= previous, "clock went back from " + previous + " to " + sim.nowMicros() + ", seed=" + sim.seed());
      previous = sim.nowMicros();
    }
    RunResult result = sim.run(); // nothing can run: this only reports why
    assertEquals(previous, result.timeMicros(), "seed=" + sim.seed());
    assertTraceTimesSane(sim);
    return result;
  }

  /** Every recorded event lies at a time zero or more, in non-decreasing order. */
  private static void assertTraceTimesSane(Simulation sim) {
    long previous = 0;
    for (TraceEvent event : sim.trace()) {
      assertTrue(event.timeMicros() >= previous, "event out of time order: " + event + ", seed=" + sim.seed());
      previous = event.timeMicros();
    }
  }

  private static void assertStops(Simulation sim, StopReason reason, long nowMicros) {
    RunResult result = runWatchingClock(sim);
    assertEquals(reason, result.stopReason(), "seed=" + sim.seed());
    assertEquals(nowMicros, sim.nowMicros(), "seed=" + sim.seed());
  }

  private static <T extends Throwable> T assertRefused(Class<T> type, long value, Executable call) {
    T thrown = assertThrows(type, call);
    assertTrue(thrown.getMessage().contains(" " + value + " "), "message does not name " + value + ": " + thrown.getMessage());
    return thrown;
  }

  private static long lastTraceTime(Simulation sim) {
    List<TraceEvent> trace = sim.trace();
    return trace.get(trace.size() - 1).timeMicros();
  }

  // ---- builder methods taking milliseconds ----

  static Stream<TimeCall> scheduledCalls() {
    return Stream.of(
        new TimeCall("crash", (b, ms) -> b.crash(1, ms)),
        new TimeCall("restart", (b, ms) -> b.crash(1, 0).restart(1, ms)),
        new TimeCall("partition", (b, ms) -> b.partition(0, 1, ms)),
        new TimeCall("partitionOneWay", (b, ms) -> b.partitionOneWay(0, 1, ms)),
        new TimeCall("heal", (b, ms) -> b.heal(0, 1, ms)),
        new TimeCall("isolate", (b, ms) -> b.isolate(1, ms)),
        new TimeCall("healAll", (b, ms) -> b.healAll(ms)),
        new TimeCall("changeLinkLatencyMs at", (b, ms) -> b.linkLatency(0, 1, 1, 1, ms)),
        new TimeCall("changeLinkLossRatio", (b, ms) -> b.linkLossRatio(0, 1, 0.5, ms)),
        new TimeCall("changeLinkDuplicationRatio", (b, ms) -> b.linkDuplicationRatio(0, 1, 0.5, ms)));
  }

  static Stream<TimeCall> msCalls() {
    return Stream.concat(scheduledCalls(), Stream.of(
        new TimeCall("latencyMs", (b, ms) -> b.latencyMs(ms)),
        new TimeCall("jitterMs", (b, ms) -> b.jitterMs(ms)),
        new TimeCall("horizonMs", (b, ms) -> b.horizonMs(ms)),
        new TimeCall("lossyNetwork latency", (b, ms) -> b.lossyNetwork(ms, 0, 0.0, 3)),
        new TimeCall("lossyNetwork jitter", (b, ms) -> b.lossyNetwork(0, ms, 0.0, 3)),
        new TimeCall("linkLatencyMs latency", (b, ms) -> b.linkLatency(0, 1, ms, 0)),
        new TimeCall("linkLatencyMs jitter", (b, ms) -> b.linkLatency(0, 1, 0, ms)),
        new TimeCall("changeLinkLatencyMs latency", (b, ms) -> b.linkLatency(0, 1, ms, 0, 0)),
        new TimeCall("changeLinkLatencyMs jitter", (b, ms) -> b.linkLatency(0, 1, 0, ms, 0)),
        new TimeCall("send", (b, ms) -> b.send(0, 1, "x", ms))));
  }

  static Stream<TimeCall> microsCalls() {
    return Stream.of(
        new TimeCall("latencyMicros", (b, us) -> b.latencyMicros(us)),
        new TimeCall("jitterMicros", (b, us) -> b.jitterMicros(us)),
        new TimeCall("horizonMicros", (b, us) -> b.horizonMicros(us)),
        new TimeCall("sendAtMicros", (b, us) -> b.sendAtMicros(0, 1, "x", us)));
  }

  private static Stream<Arguments> each(Stream<TimeCall> calls, long... values) {
    return calls.flatMap(call -> LongStream.of(values).mapToObj(value -> Arguments.of(call, value)));
  }

  static Stream<Arguments> msCallsAtRepresentableTimes() {
    return each(msCalls(), 0, 1, MS_MAX);
  }

  static Stream<Arguments> msCallsAtUnrepresentableTimes() {
    return each(msCalls(), -1, Long.MIN_VALUE, MS_MAX + 1, Long.MAX_VALUE);
  }

  static Stream<Arguments> microsCallsAtExtremes() {
    return each(microsCalls(), 0, 1, Long.MAX_VALUE);
  }

  static Stream<Arguments> microsCallsAtNegativeTimes() {
    return each(microsCalls(), -1, Long.MIN_VALUE);
  }

  static Stream<Arguments> scheduledCallsAtRepresentableTimes() {
    return each(scheduledCalls(), 0, 1, MS_MAX);
  }

  @ParameterizedTest(name = "{0}({1})")
  @MethodSource("msCallsAtUnrepresentableTimes")
  void millisecondsThatAreNegativeOrOverflowMicrosecondsAreRefusedNamingTheValue(TimeCall call, long ms) {
    assertRefused(IllegalArgumentException.class, ms, () -> call.apply().accept(pingEcho(), ms));
  }

  @ParameterizedTest(name = "{0}({1})")
  @MethodSource("microsCallsAtNegativeTimes")
  void negativeMicrosecondsAreRefusedNamingTheValue(TimeCall call, long micros) {
    assertRefused(IllegalArgumentException.class, micros, () -> call.apply().accept(pingEcho(), micros));
  }

  @ParameterizedTest(name = "{0}({1})")
  @MethodSource("msCallsAtRepresentableTimes")
  void representableMillisecondsGiveARunThatEndsWithASaneClock(TimeCall call, long ms) {
    SimulationBuilder builder = pingEcho().send(0, 1, "x", 0).eventsMax(1_000);
    call.apply().accept(builder, ms);
    StopReason reason = runWatchingClock(builder.build()).stopReason();
    assertTrue(reason == StopReason.QUIESCENT || reason == StopReason.TIME_HORIZON, "stopped on " + reason);
  }

  @ParameterizedTest(name = "{0}({1})")
  @MethodSource("microsCallsAtExtremes")
  void extremeMicrosecondsGiveARunThatEndsWithASaneClock(TimeCall call, long micros) {
    SimulationBuilder builder = pingEcho().send(0, 1, "x", 0).eventsMax(1_000);
    call.apply().accept(builder, micros);
    StopReason reason = runWatchingClock(builder.build()).stopReason();
    assertTrue(reason == StopReason.QUIESCENT || reason == StopReason.TIME_HORIZON, "stopped on " + reason);
  }

  @ParameterizedTest(name = "{0}({1})")
  @MethodSource("scheduledCallsAtRepresentableTimes")
  void aScheduledFaultLandsExactlyAtItsTimeUnderAnEndlessHorizon(TimeCall call, long ms) {
    SimulationBuilder builder = pingEcho().horizonMicros(END);
    call.apply().accept(builder, ms);
    Simulation sim = builder.build();
    assertStops(sim, StopReason.QUIESCENT, ms * 1000);
    assertEquals(ms * 1000, lastTraceTime(sim));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scheduledCalls")
  void aFaultAtTheLastMillisecondWaitsBeyondTheDefaultHorizon(TimeCall call) {
    SimulationBuilder builder = pingEcho();
    call.apply().accept(builder, MS_MAX);
    Simulation sim = builder.build();
    assertStops(sim, StopReason.TIME_HORIZON, 0);
    assertEquals(1, sim.pendingEventCount());
  }

  @ParameterizedTest(name = "send at {0} ms")
  @CsvSource({"0, 2000", "1, 3000", "9223372036854775, 9223372036854775807"})
  void aSendsReplyLandsAtTheEndOfTimeRatherThanWrap(long atMs, long endMicros) {
    Simulation sim = pingEcho().send(0, 1, "x", atMs).horizonMicros(END).build();
    assertStops(sim, StopReason.QUIESCENT, endMicros);
  }

  @ParameterizedTest(name = "sendAtMicros {0}")
  @CsvSource({"0, 2000", "1, 2001", "9223372036854775807, 9223372036854775807"})
  void aSendAtMicrosecondsLandsAtItsTimeOrTheEndOfTime(long atMicros, long endMicros) {
    Simulation sim = pingEcho().sendAtMicros(0, 1, "x", atMicros).horizonMicros(END).build();
    assertStops(sim, StopReason.QUIESCENT, endMicros);
  }

  @Test
  void aSendAtTheEndOfTimeWaitsBeyondTheDefaultHorizon() {
    assertStops(pingEcho().sendAtMicros(0, 1, "x", END).build(), StopReason.TIME_HORIZON, 0);
  }

  // ---- latency, jitter and horizon ----

  @ParameterizedTest(name = "latencyMs {0}")
  @CsvSource({"0, 0", "1, 2000", "9223372036854775, 9223372036854775807"})
  void aRoundTripAtAnyLatencyEndsAtTwiceItOrTheEndOfTime(long latencyMs, long endMicros) {
    assertStops(pingEcho().latencyMs(latencyMs).send(0, 1, "x", 0).horizonMicros(END).build(), StopReason.QUIESCENT, endMicros);
    assertStops(pingEcho().latencyMicros(latencyMs * 1000).send(0, 1, "x", 0).horizonMicros(END).build(), StopReason.QUIESCENT, endMicros);
  }

  @Test
  void theLargestLatencySentAfterTimeZeroLandsBeyondTheHorizonNotBeforeNow() {
    assertStops(pingEcho().latencyMs(MS_MAX).send(0, 1, "x", 1).build(), StopReason.TIME_HORIZON, 1_000);
    assertStops(pingEcho().latencyMicros(END).send(0, 1, "x", 1).build(), StopReason.TIME_HORIZON, 1_000);
  }

  @ParameterizedTest(name = "jitter {0} µs")
  @ValueSource(longs = {0, 1, 1_000, MS_MAX_IN_MICROS, Long.MAX_VALUE})
  void aRoundTripAtAnyJitterEndsBetweenTwiceTheLatencyAndTheEndOfTime(long jitterMicros) {
    Simulation sim = pingEcho().jitterMicros(jitterMicros).send(0, 1, "x", 0).horizonMicros(END).build();
    assertEquals(StopReason.QUIESCENT, runWatchingClock(sim).stopReason());
    assertTrue(sim.nowMicros() >= 2_000, "now " + sim.nowMicros() + ", seed=" + sim.seed());
    long most = jitterMicros > (END - 2_000) / 2 ? END : 2_000 + 2 * jitterMicros;
    assertTrue(sim.nowMicros() <= most, "now " + sim.nowMicros() + ", seed=" + sim.seed());
  }

  @Test
  void theLargestLatencyAndJitterTogetherSaturateInsteadOfWrapping() {
    assertStops(pingEcho().lossyNetwork(MS_MAX, MS_MAX, 0.0, 11).send(0, 1, "x", 0).horizonMicros(END).build(), StopReason.QUIESCENT, END);
    assertStops(pingEcho().latencyMicros(END).jitterMicros(END).send(0, 1, "x", 0).horizonMicros(END).build(), StopReason.QUIESCENT, END);
    assertStops(pingEcho().linkLatency(0, 1, MS_MAX, MS_MAX).send(0, 1, "x", 0).horizonMicros(END).build(), StopReason.QUIESCENT, END);
    assertStops(pingEcho().linkLatency(0, 1, MS_MAX, MS_MAX, 0).send(0, 1, "x", 1).build(), StopReason.TIME_HORIZON, 1_000);
  }

  @ParameterizedTest(name = "horizon {0} µs")
  @CsvSource({"0, TIME_HORIZON, 0", "1, TIME_HORIZON, 0", "1000, TIME_HORIZON, 1000",
      "9223372036854775000, QUIESCENT, 2000", "9223372036854775807, QUIESCENT, 2000"})
  void aHorizonAtAnyTimeStopsTheRoundTripAtTheRightPlace(long horizonMicros, StopReason reason, long endMicros) {
    assertStops(pingEcho().horizonMicros(horizonMicros).send(0, 1, "x", 0).build(), reason, endMicros);
    if (horizonMicros % 1000 == 0) {
      assertStops(pingEcho().horizonMs(horizonMicros / 1000).send(0, 1, "x", 0).build(), reason, endMicros);
    }
  }

  // ---- refused calls leave the builder as it was ----

  @Test
  void aRefusedLinkLatencyLeavesTheLinkUnset() {
    SimulationBuilder builder = pingEcho();
    assertRefused(IllegalArgumentException.class, -1, () -> builder.linkLatency(0, 1, 5, -1));
    assertRefused(IllegalArgumentException.class, MS_MAX + 1, () -> builder.linkLatency(0, 7, 5, MS_MAX + 1));
    Simulation sim = builder.linkLatency(0, 1, 5, 0).send(0, 1, "x", 0).build(); // no link to a node 7
    assertStops(sim, StopReason.QUIESCENT, 6_000);
  }

  @Test
  void aRefusedLossyNetworkLeavesTheLatencyUnset() {
    SimulationBuilder builder = pingEcho();
    assertRefused(IllegalArgumentException.class, MS_MAX + 1, () -> builder.lossyNetwork(5, MS_MAX + 1, 0.0, 3));
    Simulation sim = builder.lossyNetwork(5, 0, 0.0, 3).send(0, 1, "x", 0).build();
    assertStops(sim, StopReason.QUIESCENT, 10_000);
  }

  // ---- Simulation.apply(LinkLatency), in microseconds ----

  @ParameterizedTest(name = "latency {0} µs, jitter {1} µs")
  @CsvSource({"0, 0, 1000", "1, 0, 1001", "1, 1, 1001", "9223372036854775807, 0, 9223372036854775807",
      "0, 9223372036854775807, 1000", "9223372036854775807, 9223372036854775807, 9223372036854775807"})
  void aLinkLatencySetOnTheSimulationSaturatesAtTheEndOfTime(long latencyMicros, long jitterMicros, long atLeastMicros) {
    Simulation sim = pingEcho().send(0, 1, "x", 0).horizonMicros(END).build();
    sim.apply(new Fault.LinkLatency(0, 1, latencyMicros, jitterMicros));
    assertEquals(StopReason.QUIESCENT, runWatchingClock(sim).stopReason());
    assertTrue(sim.nowMicros() >= atLeastMicros, "now " + sim.nowMicros() + ", seed=" + sim.seed());
  }

  @Test
  void theLargestLinkLatencySetMidRunLandsBeyondTheHorizon() {
    Simulation sim = pingEcho().send(0, 1, "x", 5).build();
    sim.runUntilMicros(4_000);
    sim.apply(new Fault.LinkLatency(0, 1, END, END));
    assertStops(sim, StopReason.TIME_HORIZON, 5_000);
  }

  @ParameterizedTest(name = "{0} µs")
  @ValueSource(longs = {-1, Long.MIN_VALUE})
  void aNegativeLinkLatencyOrJitterIsRefusedNamingTheValue(long micros) {
    Simulation sim = pingEcho().build();
    assertRefused(IllegalArgumentException.class, micros, () -> sim.apply(new Fault.LinkLatency(0, 1, micros, 0)));
    assertRefused(IllegalArgumentException.class, micros, () -> sim.apply(new Fault.LinkLatency(0, 1, 0, micros)));
  }

  // ---- Simulation.runUntil ----

  @Test
  void runUntilZeroOneAndTheEndOfTimeNeverMoveTheClockBack() {
    Simulation sim = SimulationBuilder.create().node(0, TestNodes.Ticker::new).horizonMs(10).build();
    assertEquals(new RunResult(StopReason.UNTIL_REACHED, 1, 0), sim.runUntilMicros(0));
    assertEquals(new RunResult(StopReason.UNTIL_REACHED, 1, 1), sim.runUntilMicros(1));
    assertEquals(new RunResult(StopReason.TIME_HORIZON, 11, 10_000), sim.runUntilMicros(END));
    assertEquals(new RunResult(StopReason.TIME_HORIZON, 11, 10_000), sim.runUntilMicros(END));
    assertTraceTimesSane(sim);
  }

  @Test
  void runUntilMovesTheClockEvenWhenNoEventIsLeft() {
    Simulation sim = SimulationBuilder.create().node(0, TestNodes.Sink::new).horizonMs(100).build();
    assertEquals(new RunResult(StopReason.QUIESCENT, 1, 0), sim.run(), "run leaves the clock at the last event");
    assertEquals(new RunResult(StopReason.UNTIL_REACHED, 1, 30_000), sim.runUntilMicros(30_000));
    assertEquals(new RunResult(StopReason.UNTIL_REACHED, 1, 40_000), sim.runUntilMs(40));
    assertEquals(new RunResult(StopReason.TIME_HORIZON, 1, 100_000), sim.runUntilMs(500), "the clock stops at the horizon");
    assertEquals(100_000, sim.nowMicros());
    IllegalArgumentException tooLate = assertThrows(IllegalArgumentException.class, () -> sim.runUntilMs(Long.MAX_VALUE));
    assertTrue(tooLate.getMessage().contains("times are counted in microseconds, from 0 to 9223372036854775 ms"), tooLate.getMessage());
  }

  @ParameterizedTest(name = "{0} µs")
  @ValueSource(longs = {-1, Long.MIN_VALUE})
  void runUntilANegativeTimeIsRefusedNamingTheValue(long micros) {
    Simulation sim = pingEcho().build();
    assertRefused(IllegalArgumentException.class, micros, () -> sim.runUntilMicros(micros));
    assertEquals(0, sim.nowMicros());
  }

  @Test
  void runUntilBeforeNowIsRefusedNamingTheValue() {
    Simulation sim = timers(5_000, END, SimulationBuilder.create());
    sim.runUntilMicros(5_000);
    assertRefused(IllegalArgumentException.class, 4_999, () -> sim.runUntilMicros(4_999));
    assertEquals(5_000, sim.nowMicros());
  }

  @Test
  void runUntilTheEndOfTimeUnderAnEndlessHorizonStaysThereOnTheBudget() {
    Simulation sim = timers(END, END, SimulationBuilder.create().horizonMicros(END).eventsMax(5));
    assertEquals(new RunResult(StopReason.EVENT_BUDGET, 5, END), sim.runUntilMicros(END));
    assertEquals(new RunResult(StopReason.EVENT_BUDGET, 5, END), sim.runUntilMicros(END));
    assertRefused(IllegalArgumentException.class, END - 1, () -> sim.runUntilMicros(END - 1));
    assertTraceTimesSane(sim);
  }

  // ---- Context.setTimer ----

  @Test
  void timersOfZeroAndOneRunOnTheBudget() {
    assertStops(timers(0, 0, SimulationBuilder.create().eventsMax(100)), StopReason.EVENT_BUDGET, 0);
    assertStops(timers(1, 1, SimulationBuilder.create().eventsMax(100)), StopReason.EVENT_BUDGET, 99);
  }

  @Test
  void aTimerOfTheEndOfTimeSetAtFiveMillisecondsLandsBeyondTheHorizon() {
    Simulation sim = timers(5_000, END, SimulationBuilder.create());
    assertStops(sim, StopReason.TIME_HORIZON, 5_000);
    assertEquals(1, sim.node(0, TimerSetter.class).fired);
    assertStops(timers(END, 0, SimulationBuilder.create()), StopReason.TIME_HORIZON, 0);
  }

  @ParameterizedTest(name = "first {0} µs, then {1} µs")
  @CsvSource({"9223372036854775807, 0", "9223372036854775807, 1", "9223372036854775807, 9223372036854775807",
      "5000, 9223372036854775807"})
  void underAnEndlessHorizonTheClockStaysAtTheEndOfTimeUntilTheBudget(long firstDelayMicros, long nextDelayMicros) {
    Simulation sim = timers(firstDelayMicros, nextDelayMicros, SimulationBuilder.create().horizonMicros(END).eventsMax(10));
    assertStops(sim, StopReason.EVENT_BUDGET, END);
    assertEquals(9, sim.node(0, TimerSetter.class).fired);
    assertEquals(END, lastTraceTime(sim));
  }

  @ParameterizedTest(name = "first {0} µs, then {1} µs")
  @CsvSource({"-1, 0, -1", "-9223372036854775808, 0, -9223372036854775808", "5000, -1, -1"})
  void aNegativeTimerFailsTheRunNamingTheValue(long firstDelayMicros, long nextDelayMicros, long refused) {
    Simulation sim = timers(firstDelayMicros, nextDelayMicros, SimulationBuilder.create());
    SimulationFailedException failure = assertThrows(SimulationFailedException.class, sim::run);
    IllegalArgumentException cause = assertInstanceOf(IllegalArgumentException.class, failure.getCause());
    assertTrue(cause.getMessage().contains(" " + refused + " µs"), cause.getMessage());
    assertTrue(sim.nowMicros() >= 0 && failure.timeMicros() == sim.nowMicros(), "now " + sim.nowMicros());
    assertTraceTimesSane(sim);
  }
}
