package dev.helios.junit;

import static dev.helios.junit.HeliosAssertions.assertDeterministic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.annotations.SimulationMain;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** {@link HeliosAssertions#assertDeterministic}: passes reproducible simulations, names where others diverge. */
class HeliosAssertionsTest {
  /** A nested simulation: its generated main is {@code HeliosAssertionsTest_NestedMain}. */
  @SimulationMain
  static final class Nested {
    public static Simulation build(long seed) {
      return PingEcho.build(seed + 1);
    }
  }

  @SimulationTest(seeds = "0..9")
  void aReproducibleSimulationPassesHoweverItIsNamed(long seed) {
    assertDeterministic(PingEcho.class, seed);
    assertDeterministic(PingEchoMain.class, seed);
    assertDeterministic(Nested.class, seed);
    assertDeterministic(PingEcho::build, seed);
    assertDeterministic(PingEcho::build, sim -> sim.runUntilMs(35), seed);
  }

  @Test
  void aLeakyBuildFailsNamingTheSeedTheForkPointAndTheFirstDivergingEvent() {
    AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> assertDeterministic(Leaky.class, 3));
    String message = failure.getMessage();
    assertTrue(message.matches("(?s)seed 3 is not deterministic \\(the second run was forked after \\d+ of the first run's"
        + " \\d+ events, a point chosen from the seed\\):\n  the second run, forked after \\d+ events and run on, differs"
        + " from the first: first difference at trace event \\d+:\n    first run: .*\n    second run: .*"), message);
    assertTrue(message.contains("\"build "), message);

    AssertionFailedError again = assertThrows(AssertionFailedError.class, () -> assertDeterministic(Leaky.class, 3));
    String forkPoint = "forked after \\d+ of the first run's \\d+ events";
    assertEquals(firstMatch(forkPoint, message), firstMatch(forkPoint, again.getMessage()), "the seed chooses the fork point");
  }

  private static String firstMatch(String regex, String text) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertTrue(matcher.find(), text);
    return matcher.group();
  }

  @Test
  void aBuildThatFailsIsNamed() {
    LongFunction<Simulation> once = new LongFunction<>() {
      int builds;

      @Override
      public Simulation apply(long seed) {
        if (builds++ > 0) {
          throw new IllegalStateException("built already");
        }
        return SimulationBuilder.create().ping(0).echo(1).seed(seed).send(0, 1, "hi", 1).build();
      }
    };
    AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> assertDeterministic(once, 5));
    assertEquals("seed 5 could not be checked for determinism: run 2 could not be built:"
        + " build(5) threw java.lang.IllegalStateException: built already", failure.getMessage());
  }

  @Test
  void aClassWithoutAGeneratedMainIsRefusedSayingHowToGetOne() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> assertDeterministic(SimulationTestExtensionTest.NoMain.class, 1));
    assertTrue(refused.getMessage().startsWith("no generated main for " + SimulationTestExtensionTest.NoMain.class.getName()
        + ": dev.helios.junit.SimulationTestExtensionTest_NoMainMain is not on the class path."), refused.getMessage());
    assertTrue(refused.getMessage().contains("run the Helios annotation processor"), refused.getMessage());
    assertEquals("dev.helios.junit.HeliosAssertionsTest_NestedMain", GeneratedMains.mainClassName(Nested.class));
  }
}
