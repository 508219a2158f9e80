package dev.helios.runtime.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.runtime.fault.ScheduledFault;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ScenarioBuilder#runScenario(long, List, long)}: one scenario with its own bound, as a shrunk violation's replay names it. */
class RunScenarioTest {
  private static ScenarioBuilder space() {
    return ScenarioBuilder.of(Beacons.of(3, 0))
        .maybeCrash(1, 20)
        .seedRange(0, 1)
        .until(80)
        .check("node 0 heard at most 12 beats", s -> Beacons.node(s, 0).beatsReceived <= 12);
  }

  @Test
  void aShrunkBoundReplaysTheShrunkViolation() {
    Violation violation = space().quiet().explore().violations().get(0);
    Violation shrunk = violation.shrink();
    assertTrue(shrunk.untilMicros() < 80_000, "seed=" + shrunk.seed() + " " + shrunk.replayArguments());
    Violation replayed = space().runScenario(shrunk.seed(), shrunk.faults(), shrunk.untilMicros() / 1000).violation().orElseThrow();
    assertEquals(shrunk.check(), replayed.check());
    assertEquals(shrunk.message(), replayed.message());
    assertEquals(shrunk.traceHash(), replayed.traceHash(), "seed=" + shrunk.seed());
    assertEquals(shrunk.untilMicros(), replayed.untilMicros());
    assertEquals(shrunk.replayArguments(), replayed.replayArguments());

    Violation spaceBound = space().runScenario(shrunk.seed(), shrunk.faults()).violation().orElseThrow();
    assertEquals(violation.traceHash(), spaceBound.traceHash(), "the space's bound, 80 ms");
  }

  @Test
  void aBoundBeforeAFaultOrTheLivenessWindowIsRefused() {
    List<ScheduledFault> crash = ScheduledFault.parseAll("crash 1 @ 50ms");
    IllegalArgumentException beforeFault = assertThrows(IllegalArgumentException.class, () -> space().runScenario(0, crash, 40));
    assertEquals("until 40 ms is before \"crash 1 @ 50ms\"; bound the scenario after every fault", beforeFault.getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> space().runScenario(0, crash, -1));
    assertEquals("until must be zero or more, got -1 ms", negative.getMessage());
    ScenarioBuilder liveness = ScenarioBuilder.of(Beacons.of(3, 0))
        .maybeCrash(1, 20)
        .eventually("all heard", s -> Beacons.allHeardWithin(s, 15), 30);
    IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
        () -> liveness.runScenario(0, ScheduledFault.parseAll("crash 1 @ 20ms"), 49));
    assertTrue(window.getMessage().startsWith("until 49 ms ends before the liveness window, which runs to 50 ms"), window.getMessage());
    assertTrue(liveness.runScenario(0, ScheduledFault.parseAll("crash 1 @ 20ms"), 50).violation().isEmpty());
  }
}
