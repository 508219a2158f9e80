package dev.helios.runtime.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Scheduled faults and scripts of them. */
class ScheduledFaultTest {
  @Test
  void aScheduledFaultIsAFaultAndATime() {
    ScheduledFault fault = ScheduledFault.parse("crash 1 @ 50ms");
    assertEquals(new ScheduledFault(new Fault.Crash(1), 50_000), fault);
    assertEquals("crash 1 @ 50ms", fault.toString());
  }

  @Test
  void itsConstructorChecksTheFaultAndTheTime() {
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class, () -> new ScheduledFault(new Fault.Crash(1), -1));
    assertEquals(
        "crash 1 @ -1us: a time must be zero or more, got -1 \u00b5s; 0ms is the start of the run",
        negative.getMessage());
    assertThrows(NullPointerException.class, () -> new ScheduledFault(null, 0));
    new ScheduledFault(new Fault.HealAll(), Long.MAX_VALUE);
  }

  @Test
  void aScriptHasOneFaultPerLineOrSemicolonWithCommentsAndBlankLines() {
    String script =
        "# a partition that heals\n"
            + "partition 0-2 @ 10ms   # cut\n"
            + "heal 0-2 @ 20ms; crash 1 @ 30ms\n"
            + "\n"
            + "   \t\n"
            + "  ;  ; isolate 3 @ 1s ;\n"
            + "heal-all @ 2s # crash 2 @ 3s; not read\n"
            + "# the end";
    assertEquals(
        List.of(
            new ScheduledFault(new Fault.Partition(0, 2), 10_000),
            new ScheduledFault(new Fault.Heal(0, 2), 20_000),
            new ScheduledFault(new Fault.Crash(1), 30_000),
            new ScheduledFault(new Fault.Isolate(3), 1_000_000),
            new ScheduledFault(new Fault.HealAll(), 2_000_000)),
        ScheduledFault.parseAll(script));
    assertEquals(List.of(), ScheduledFault.parseAll(""));
    assertEquals(List.of(), ScheduledFault.parseAll("# nothing\n\n;;\n"));
    assertEquals(2, ScheduledFault.parseAll("crash 1 @ 1ms\r\nrestart 1 @ 2ms\r\n").size());
    assertThrows(
        UnsupportedOperationException.class,
        () -> ScheduledFault.parseAll("crash 1 @ 1ms").add(null));
  }

  @Test
  void scriptErrorsNameTheLineAndTheFaultsText() {
    String script = "crash 1 @ 1ms\n# fine so far\ncrsh 1 @ 5ms\ncrash 2 @ 6ms\n";
    FaultSyntaxException unknown =
        assertThrows(FaultSyntaxException.class, () -> ScheduledFault.parseAll(script));
    assertEquals(
        "line 3: cannot read fault \"crsh 1 @ 5ms\": unknown fault \"crsh\"; the faults are crash,"
            + " restart, partition, heal, isolate, heal-all, latency, loss, duplication",
        unknown.getMessage());
    assertError(
        "crash 1 @ 1ms; crash 1",
        "line 1: cannot read fault \"crash 1\": missing time: write \"crash 1 @ 50ms\"");
    assertError(
        "\n\nheal-all @ 1ms ;  partition 0 @ 5ms  # comment\n",
        "line 3: cannot read fault \"partition 0 @ 5ms\": partition needs two nodes, as in"
            + " \"partition 0-2\" (both ways) or \"partition 0->2\" (one way)");
    assertError(
        "crash 1 @ 1ms\r\ncrash -1 @ 2ms\r\n",
        "line 2: cannot read fault \"crash -1 @ 2ms\": crash -1:");
    assertError(
        "crash 1 @ 1ms\rcrash 1 @ 1 ms 2\r",
        "line 2: cannot read fault \"crash 1 @ 1 ms 2\": unexpected \"2\"");
  }

  private static void assertError(String script, String messageStart) {
    FaultSyntaxException e =
        assertThrows(FaultSyntaxException.class, () -> ScheduledFault.parseAll(script));
    assertTrue(
        e.getMessage().startsWith(messageStart),
        "expected a message starting \"" + messageStart + "\", got: " + e.getMessage());
  }

  @Test
  void aRenderedScriptHasOneFaultPerLineAndParsesBack() {
    List<ScheduledFault> faults =
        List.of(
            new ScheduledFault(new Fault.Crash(1), 50_000),
            new ScheduledFault(new Fault.LinkLatency(0, 1, 5_000, 1_000), 1_500),
            new ScheduledFault(new Fault.HealAll(), 2_000_000));
    String script = ScheduledFault.renderAll(faults);
    assertEquals(
        "crash 1 @ 50ms\nlatency 0->1 5ms jitter 1ms @ 1500us\nheal-all @ 2000ms\n", script);
    assertEquals(faults, ScheduledFault.parseAll(script));
    assertEquals("", ScheduledFault.renderAll(List.of()));
  }
}
