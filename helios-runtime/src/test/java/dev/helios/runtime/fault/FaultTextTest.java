package dev.helios.runtime.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The text form of faults: it parses back, has one canonical spelling, and explains mistakes. */
class FaultTextTest {
  private static final String NAMES =
      "crash, restart, partition, heal, isolate, heal-all, latency, loss, duplication";

  // ---- Round trips

  @Test
  void everyKindParsesBackFromItsTextOverEdgeValues() {
    int[] nodes = {0, 1, 2, 7, 1_000, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};
    long[] micros = {
      0, 1, 999, 1_000, 1_001, 1_500, 2_000_000, Long.MAX_VALUE - 807, Long.MAX_VALUE
    };
    double[] ratios = {
      0.0,
      1.0,
      0.25,
      0.1,
      1.0 / 3,
      1e-5,
      1e-300,
      Double.MIN_VALUE,
      Double.MIN_NORMAL,
      Math.nextDown(1.0),
      Math.nextUp(0.5)
    };
    List<Fault> faults = new ArrayList<>();
    faults.add(new Fault.HealAll());
    for (int a : nodes) {
      faults.add(new Fault.Crash(a));
      faults.add(new Fault.Restart(a));
      faults.add(new Fault.Isolate(a));
      for (int b : nodes) {
        if (a != b) {
          faults.add(new Fault.Partition(a, b));
          faults.add(new Fault.PartitionOneWay(a, b));
          faults.add(new Fault.Heal(a, b));
        }
        for (long latency : micros) {
          faults.add(new Fault.LinkLatency(a, b, latency, 0));
          faults.add(new Fault.LinkLatency(a, b, latency, micros[(int) (latency % micros.length)]));
        }
        for (double ratio : ratios) {
          faults.add(new Fault.LinkLossRatio(a, b, ratio));
          faults.add(new Fault.LinkDuplicationRatio(a, b, ratio));
        }
      }
    }
    assertEquals(FaultGenerator.permittedKindNames(), FaultGenerator.kindNames(faults));
    for (Fault fault : faults) {
      assertRoundTrip(fault, "edge values");
    }
  }

  @Test
  void randomFaultsOfEveryKindParseBack() {
    long seed = Long.getLong("helios.fault.seed", 20_240_611L);
    System.out.println("seed=" + seed);
    SplittableRandom random = new SplittableRandom(seed);
    List<Fault> faults = new ArrayList<>();
    List<ScheduledFault> scheduled = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      Fault fault = FaultGenerator.random(random);
      faults.add(fault);
      assertRoundTrip(fault, "seed=" + seed);
      ScheduledFault at = new ScheduledFault(fault, FaultGenerator.micros(random));
      scheduled.add(at);
      assertEquals(at, ScheduledFault.parse(at.toString()), "seed=" + seed);
    }
    assertEquals(
        scheduled, ScheduledFault.parseAll(ScheduledFault.renderAll(scheduled)), "seed=" + seed);
    // A new permitted subclass of Fault fails here until the generator makes it too.
    assertEquals(
        FaultGenerator.permittedKindNames(),
        FaultGenerator.kindNames(faults),
        "seed="
            + seed
            + ": every kind of Fault must be generated; add a new one to FaultGenerator");
    assertEquals(FaultGenerator.KIND_COUNT, Fault.class.getPermittedSubclasses().length);
  }

  private static void assertRoundTrip(Fault fault, String context) {
    String text = fault.toString();
    Fault parsed = Fault.parse(text);
    assertEquals(fault, parsed, context + ": " + text);
    assertEquals(text, parsed.toString(), context);
    assertEquals(fault.digest(), parsed.digest(), context + ": " + text);
  }

  // ---- Canonical text

  @Test
  void handWrittenFaultsRenderInTheirCanonicalForm() {
    String[][] cases = {
      {"crash 1", "crash 1"},
      {"  crash   1  ", "crash 1"},
      {"crash\t1", "crash 1"},
      {"crash 007", "crash 7"},
      {"restart 1", "restart 1"},
      {"partition 0-2", "partition 0-2"},
      {"partition 0 - 2", "partition 0-2"},
      {"partition 0 -2", "partition 0-2"},
      {"partition 0- 2", "partition 0-2"},
      {"partition 0->2", "partition 0->2"},
      {"partition 0 -> 2", "partition 0->2"},
      {"partition 0 ->2", "partition 0->2"},
      {"partition 2-0", "partition 2-0"},
      {"heal 0 - 2", "heal 0-2"},
      {"isolate 3", "isolate 3"},
      {"heal-all", "heal-all"},
      {"  heal-all  ", "heal-all"},
      {"latency 0->1 5ms jitter 1ms", "latency 0->1 5ms jitter 1ms"},
      {"latency 0 -> 1 5 ms jitter 1 ms", "latency 0->1 5ms jitter 1ms"},
      {"latency 0->1 5000us", "latency 0->1 5ms"},
      {"latency 0->1 5ms jitter 0ms", "latency 0->1 5ms"},
      {"latency 0->1 1s", "latency 0->1 1000ms"},
      {"latency 0->1 1500us", "latency 0->1 1500us"},
      {"latency 0->1 1500\u00b5s", "latency 0->1 1500us"},
      {"latency 0->1 1500\u03bcs jitter 2s", "latency 0->1 1500us jitter 2000ms"},
      {"latency 1->1 0us", "latency 1->1 0ms"},
      {"loss 0->1 0.25", "loss 0->1 0.25"},
      {"loss 0->1 1", "loss 0->1 1.0"},
      {"loss 0->1 0", "loss 0->1 0.0"},
      {"loss 0->1 -0.0", "loss 0->1 0.0"},
      {"loss 0->1 2.5e-1", "loss 0->1 0.25"},
      {"loss 0->1 25E-2", "loss 0->1 0.25"},
      {"loss 0->1 0.00001", "loss 0->1 1.0E-5"},
      {"loss 2->2 1.0E-5", "loss 2->2 1.0E-5"},
      {"duplication 0->1 0.1", "duplication 0->1 0.1"},
      {"duplication 0 -> 1 0.10", "duplication 0->1 0.1"},
    };
    for (String[] c : cases) {
      assertEquals(c[1], Fault.parse(c[0]).toString(), c[0]);
    }
  }

  @Test
  void handWrittenScheduledFaultsRenderInTheirCanonicalForm() {
    String[][] cases = {
      {"crash 1 @ 50ms", "crash 1 @ 50ms"},
      {"crash 1@50ms", "crash 1 @ 50ms"},
      {"crash 1 @ 50 ms", "crash 1 @ 50ms"},
      {"crash 1 @ 2s", "crash 1 @ 2000ms"},
      {"crash 1 @ 1500us", "crash 1 @ 1500us"},
      {"heal-all @ 0us", "heal-all @ 0ms"},
      {"heal-all@1ms", "heal-all @ 1ms"},
      {"partition 0 -> 2 @ 10 ms", "partition 0->2 @ 10ms"},
      {"latency 0->1 5ms @ 1s", "latency 0->1 5ms @ 1000ms"},
      {"latency 0->1 5ms jitter 1ms @ 1s", "latency 0->1 5ms jitter 1ms @ 1000ms"},
      {"loss 0->1 0.5 @ 3ms", "loss 0->1 0.5 @ 3ms"},
      {"loss 0->1 0.5@3ms", "loss 0->1 0.5 @ 3ms"},
    };
    for (String[] c : cases) {
      assertEquals(c[1], ScheduledFault.parse(c[0]).toString(), c[0]);
    }
  }

  // ---- Times

  @Test
  void timesRenderInWholeMillisecondsWhenTheyAreAndParseBack() {
    Object[][] cases = {
      {0L, "0ms"},
      {1L, "1us"},
      {999L, "999us"},
      {1_000L, "1ms"},
      {1_001L, "1001us"},
      {1_500L, "1500us"},
      {50_000L, "50ms"},
      {2_000_000L, "2000ms"},
      {Long.MAX_VALUE - 807, "9223372036854775ms"},
      {Long.MAX_VALUE, "9223372036854775807us"},
    };
    for (Object[] c : cases) {
      long micros = (Long) c[0];
      ScheduledFault fault = new ScheduledFault(new Fault.Crash(1), micros);
      assertEquals("crash 1 @ " + c[1], fault.toString());
      assertEquals(fault, ScheduledFault.parse(fault.toString()));
    }
    assertEquals(1_000_000, ScheduledFault.parse("crash 1 @ 1s").atMicros());
    assertEquals(1_500, ScheduledFault.parse("crash 1 @ 1500\u00b5s").atMicros());
    assertEquals(
        9_223_372_036_854_000_000L, ScheduledFault.parse("crash 1 @ 9223372036854s").atMicros());
  }

  @Test
  void aTimeTooLargeForMicrosecondsIsItsOwnError() {
    String max = "times are counted in microseconds up to 9223372036854775807us";
    assertScheduledError(
        "crash 1 @ 9223372036854775808us",
        "cannot read fault \"crash 1 @ 9223372036854775808us\": 9223372036854775808us is too"
            + " large: "
            + max);
    assertContains(
        scheduledError("crash 1 @ 9223372036854776ms"), "9223372036854776ms is too large", max);
    assertContains(scheduledError("crash 1 @ 9223372036855s"), "9223372036855s is too large", max);
    assertContains(
        scheduledError("crash 1 @ 99999999999999999999999 ms"),
        "99999999999999999999999 ms is too large",
        max);
    assertContains(error("latency 0->1 9223372036854775808us"), "is too large", max);
    assertContains(error("latency 0->1 1ms jitter 9223372036854776ms"), "is too large", max);
  }

  @Test
  void timesNeedAWholeNumberAndAUnit() {
    assertContains(
        error("latency 0->1 5"), "time \"5\" has no unit: write \"5ms\", \"5us\" or \"5s\"");
    assertContains(error("latency 0->1 5 jitter 1ms"), "time \"5\" has no unit", "\"5ms\"");
    assertContains(scheduledError("crash 1 @ 5"), "time \"5\" has no unit", "\"5ms\"");
    assertContains(
        error("latency 0->1 5m"),
        "unknown unit \"m\" in \"5m\": times end in us, \u00b5s, ms or s, as in \"50ms\"");
    assertContains(error("latency 0->1 5MS"), "unknown unit \"MS\"", "\"50ms\"");
    assertContains(scheduledError("crash 1 @ 5min"), "unknown unit \"min\"", "\"50ms\"");
    assertContains(
        error("latency 0->1 1.5ms"), "time \"1.5ms\" is not a whole number: write \"1500us\"");
    assertContains(
        scheduledError("crash 1 @ 0.05s"), "\"0.05s\" is not a whole number", "\"50000us\"");
    assertContains(
        error("latency 0->1 0.5us"),
        "\"0.5us\" is not a whole number: times are whole numbers of microseconds");
    assertContains(
        error("latency 0->1 soon"),
        "\"soon\" is not a time: latency needs a time after the link, as in \"latency 0->1 5ms\"");
  }

  // ---- Errors

  @Test
  void anUnknownFaultListsTheFaults() {
    assertScheduledError(
        "crsh 1 @ 50ms",
        "cannot read fault \"crsh 1 @ 50ms\": unknown fault \"crsh\"; the faults are " + NAMES);
    assertError(
        "crsh 1", "cannot read fault \"crsh 1\": unknown fault \"crsh\"; the faults are " + NAMES);
    assertContains(error("partition0-2"), "unknown fault \"partition0-2\"", NAMES);
    assertContains(error("@ 5ms"), "unknown fault \"@\"", NAMES);
    assertContains(
        error("Crash 1"), "unknown fault \"Crash\": keywords are lower case; write \"crash\"");
    assertContains(error("HEAL-ALL"), "unknown fault \"HEAL-ALL\"", "write \"heal-all\"");
    assertEquals(NAMES, String.join(", ", FaultText.NAMES));
    for (Fault fault : FaultGenerator.oneOfEachKind()) {
      assertTrue(FaultText.NAMES.contains(fault.name()), fault.name());
    }
  }

  @Test
  void emptyTextIsNoFault() {
    assertError("", "cannot read fault \"\": there is no fault; write one, as in \"crash 1\"");
    assertContains(error("   "), "there is no fault", "\"crash 1\"");
    assertContains(scheduledError(""), "there is no fault", "\"crash 1\"");
  }

  @Test
  void nodesAreWholeNumbersFromZero() {
    assertError("crash", "cannot read fault \"crash\": crash needs a node, as in \"crash 1\"");
    assertContains(error("restart"), "restart needs a node, as in \"restart 1\"");
    assertContains(error("isolate"), "isolate needs a node, as in \"isolate 3\"");
    assertContains(error("crash x"), "\"x\" is not a node: crash needs a node, as in \"crash 1\"");
    assertContains(error("crash @ 5ms"), "\"@\" is not a node", "\"crash 1\"");
    assertContains(
        error("crash 99999999999"), "node 99999999999 is too large: node ids go up to 2147483647");
    assertContains(error("partition 0-2147483648"), "node 2147483648 is too large");
    FaultSyntaxException negative =
        assertThrows(FaultSyntaxException.class, () -> Fault.parse("crash -1"));
    assertEquals(
        "cannot read fault \"crash -1\": crash -1: node ids are zero or more, got -1; nodes are"
            + " numbered from 0",
        negative.getMessage());
    assertInstanceOf(IllegalArgumentException.class, negative.getCause());
    assertContains(error("partition 0 - -1"), "node ids are zero or more, got -1");
  }

  @Test
  void partitionsAndHealsNeedTwoDifferentNodes() {
    String usage =
        "partition needs two nodes, as in \"partition 0-2\" (both ways) or \"partition 0->2\" (one"
            + " way)";
    assertScheduledError("partition 0 @ 5ms", "cannot read fault \"partition 0 @ 5ms\": " + usage);
    assertError("partition 0", "cannot read fault \"partition 0\": " + usage);
    assertContains(error("partition"), usage);
    assertContains(error("partition 0 2"), usage);
    assertContains(error("partition 0-"), usage);
    assertContains(error("partition 0 > 2"), usage);
    assertContains(error("partition 0-x"), "\"x\" is not a node: " + usage);
    assertError(
        "partition 0-0",
        "cannot read fault \"partition 0-0\": partition 0-0: a node cannot be partitioned from"
            + " itself; name two different nodes");
    assertContains(
        error("partition 3 -> 3"),
        "partition 3->3: a node cannot be partitioned from itself; name two different nodes");
    assertContains(error("heal 0"), "heal needs two nodes, as in \"heal 0-2\"");
    assertContains(
        error("heal 1-1"),
        "heal 1-1: a node cannot be healed from itself; name two different nodes");
    assertContains(
        error("heal 0->2"),
        "\"heal 0->2\": heal ends the pair's partitions in both directions: write \"heal 0-2\", not"
            + " \"heal 0->2\"");
  }

  @Test
  void linkSettingsNeedOneDirectionAndAValue() {
    assertContains(
        error("latency 0-1 5ms"),
        "latency changes one direction of a link: write \"0->1\", and a second fault for \"1->0\""
            + " if both are meant");
    assertContains(error("loss 0 - 1 0.5"), "loss changes one direction of a link", "\"0->1\"");
    assertContains(error("duplication 3-4 0.1"), "duplication changes one direction", "\"3->4\"");
    String latencyUsage = "latency needs a link and a time, as in \"latency 0->1 5ms jitter 1ms\"";
    assertContains(error("latency"), latencyUsage);
    assertContains(error("latency 0"), latencyUsage);
    assertContains(
        error("latency 0->1"), "latency needs a time after the link, as in \"latency 0->1 5ms\"");
    assertContains(
        error("latency 0->1 5ms jitter"),
        "jitter needs a time, as in \"latency 0->1 5ms jitter 1ms\"");
    assertContains(
        error("latency 0->1 -5ms"),
        "latency 0->1 -5ms: a latency must be zero or more, got -5000 \u00b5s; write 0ms for none");
    assertContains(
        error("latency 0->1 5ms jitter -1us"), "a jitter must be zero or more, got -1 \u00b5s");
    String lossUsage = "loss needs a link and a ratio from 0 to 1, as in \"loss 0->1 0.25\"";
    assertContains(error("loss 0->1"), lossUsage);
    assertContains(error("loss"), lossUsage);
    assertContains(
        error("duplication 0->1"),
        "duplication needs a link and a ratio from 0 to 1, as in \"duplication 0->1 0.1\"");
  }

  @Test
  void ratiosArePlainDecimalNumbersFromZeroToOne() {
    for (String ratio :
        new String[] {
          "NaN",
          "Infinity",
          "-Infinity",
          "0x1p-2",
          "1e",
          ".5",
          "5.",
          "+0.5",
          "0.5f",
          "0.5d",
          "1/2",
          "50%",
          "0,5",
          "x"
        }) {
      assertContains(
          error("loss 0->1 " + ratio),
          "\""
              + ratio
              + "\" is not a ratio: loss needs a link and a ratio from 0 to 1, as in"
              + " \"loss 0->1 0.25\"");
    }
    assertContains(
        error("duplication 0->1 NaN"), "\"NaN\" is not a ratio", "\"duplication 0->1 0.1\"");
    assertError(
        "loss 0->1 1.5",
        "cannot read fault \"loss 0->1 1.5\": loss 0->1 1.5: a loss ratio is from 0 to 1, got 1.5;"
            + " write a share such as 0.25");
    assertContains(error("loss 0->1 -0.5"), "a loss ratio is from 0 to 1, got -0.5");
    assertContains(error("loss 0->1 1e999"), "got Infinity", "0.25");
    assertContains(error("duplication 0->1 2"), "a duplication ratio is from 0 to 1, got 2.0");
  }

  @Test
  void textAfterAFaultIsRefused() {
    assertError(
        "crash 1 2",
        "cannot read fault \"crash 1 2\": unexpected \"2\" after \"crash 1\": remove it, or write"
            + " each fault on its own line");
    assertContains(error("heal-all 3"), "unexpected \"3\" after \"heal-all\"");
    assertContains(error("partition 0-2 1"), "unexpected \"1\" after \"partition 0-2\"");
    assertContains(error("crash 1x"), "unexpected \"x\" after \"crash 1\"");
    assertContains(
        error("latency 0->1 5ms jiter 1ms"), "unexpected \"jiter 1ms\" after \"latency 0->1 5ms\"");
    assertContains(error("loss 0->1 0.5 0.6"), "unexpected \"0.6\" after \"loss 0->1 0.5\"");
    assertContains(
        error("crash 1 @ 50ms"),
        "unexpected \"@ 50ms\" after \"crash 1\": a time makes a scheduled fault; read \"crash 1 @"
            + " 50ms\" with ScheduledFault.parse");
    assertContains(
        error("crash 1; crash 2"),
        "unexpected \"; crash 2\"",
        "read several separated by \";\" with ScheduledFault.parseAll");
    assertContains(
        scheduledError("crash 1 @ 50ms x"), "unexpected \"x\" after \"crash 1 @ 50ms\": remove it");
    assertContains(scheduledError("crash 1 @ 50ms @ 60ms"), "unexpected \"@ 60ms\"", "remove it");
  }

  @Test
  void aScheduledFaultNeedsAnAtSignAndATime() {
    assertScheduledError(
        "crash 1", "cannot read fault \"crash 1\": missing time: write \"crash 1 @ 50ms\"");
    assertContains(
        scheduledError("partition 0->2"), "missing time: write \"partition 0->2 @ 50ms\"");
    assertContains(
        scheduledError("crash 1 @"), "missing time after \"@\": write \"crash 1 @ 50ms\"");
    assertContains(
        scheduledError("crash 1 50ms"),
        "expected \"@\" and a time after \"crash 1\", found \"50ms\": write \"crash 1 @ 50ms\"");
    assertContains(
        scheduledError("isolate 3 @ soon"), "\"soon\" is not a time", "\"isolate 3 @ 50ms\"");
    FaultSyntaxException negative =
        assertThrows(FaultSyntaxException.class, () -> ScheduledFault.parse("crash 1 @ -5ms"));
    assertEquals(
        "cannot read fault \"crash 1 @ -5ms\": crash 1 @ -5ms: a time must be zero or more, got"
            + " -5000 \u00b5s; 0ms is the start of the run",
        negative.getMessage());
  }

  // ---- Helpers

  private static String error(String text) {
    return assertThrows(FaultSyntaxException.class, () -> Fault.parse(text), text).getMessage();
  }

  private static String scheduledError(String text) {
    return assertThrows(FaultSyntaxException.class, () -> ScheduledFault.parse(text), text)
        .getMessage();
  }

  private static void assertError(String text, String message) {
    assertEquals(message, error(text));
  }

  private static void assertScheduledError(String text, String message) {
    assertEquals(message, scheduledError(text));
  }

  static void assertContains(String message, String... fragments) {
    for (String fragment : fragments) {
      assertTrue(
          message.contains(fragment), "expected \"" + fragment + "\" in the message: " + message);
    }
  }
}
