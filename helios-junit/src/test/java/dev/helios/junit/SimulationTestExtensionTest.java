package dev.helios.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;
import dev.helios.runtime.SimulationSource;
import dev.helios.runtime.explore.ScenarioBuilder;
import dev.helios.runtime.trace.TraceEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * {@link SimulationTest} as JUnit runs it: the fixtures below (static nested classes, which Maven
 * does not run by themselves) run through the engine test kit, their failing seeds kept in a
 * temporary directory.
 */
class SimulationTestExtensionTest {
  @TempDir
  Path seedsDirectory;

  // ---- fixtures ----

  static class RangesAndLists {
    @SimulationTest(seeds = "3..5,9,4,1..2")
    void mixed(long seed) {}
  }

  static class DefaultSeeds {
    @SimulationTest
    void byDefault(long seed) {}
  }

  static class Injection {
    @BeforeEach
    void setUp(Simulation sim, long seed) {
      sim.runUntilMs(20);
    }

    @SimulationTest(seeds = "7,8", simulation = PingEcho.class)
    void seedAndSimulation(long seed, Long boxed, Simulation sim, Simulation again) {
      assertEquals(seed, boxed);
      assertEquals(seed, sim.seed());
      assertSame(sim, again, "one simulation per invocation");
      assertEquals(20_000, sim.nowMicros(), "the simulation @BeforeEach ran is the test's");
      Simulation expected = PingEcho.build(seed);
      expected.runUntilMs(20);
      assertEquals(expected.traceHash(), sim.traceHash());
    }

    @SimulationTest(seeds = "1", simulation = PingEchoMain.class)
    void theGeneratedMainNamedDirectly(Simulation sim) {
      assertEquals(1, sim.seed());
    }
  }

  static class Failing {
    @SimulationTest(seeds = "0..9", simulation = PingEcho.class)
    void failsOnSeedsOneFiveAndNine(Simulation sim) {
      sim.run();
      assertTrue(sim.seed() % 4 != 1, "seed " + sim.seed() + " ends badly");
    }
  }

  static class FailingWithoutSimulation {
    @SimulationTest(seeds = "2")
    void fails(long seed) {
      throw new IllegalStateException("no luck with " + seed);
    }

    @SimulationTest(seeds = "3", simulation = PingEcho.class)
    void failsWithoutTakingTheSimulation(long seed) {
      fail("no luck with " + seed);
    }
  }

  static class Aborted {
    @SimulationTest(seeds = "0..1")
    void skipsEverySeed(long seed) {
      assumeTrue(false, "not today");
    }
  }

  /** A hand-written source: no main to replay with, a build that records no trace and throws for seed 3. */
  public static final class QuietSource implements SimulationSource {
    @Override
    public String name() {
      return "quiet";
    }

    @Override
    public Simulation build(long seed) {
      if (seed == 3) {
        throw new IllegalStateException("no simulation for seed 3");
      }
      return SimulationBuilder.create().ping(0).echo(1).seed(seed).send(0, 1, "hi", 1).recordTrace(false).build();
    }

    @Override
    public boolean hasScenarios() {
      return false;
    }

    @Override
    public ScenarioBuilder scenarios(Simulation sim) {
      throw new UnsupportedOperationException();
    }
  }

  static class Quiet {
    @SimulationTest(seeds = "2..3", simulation = QuietSource.class)
    void fails(Simulation sim) {
      sim.run();
      fail("quiet failure");
    }
  }

  static class BadSeeds {
    @SimulationTest(seeds = "0..x")
    void never(long seed) {}
  }

  static class MissingSimulation {
    @SimulationTest(seeds = "1")
    void needsOne(Simulation sim) {}
  }

  /** Has a build method but no @SimulationMain, so no generated main. */
  static final class NoMain {
    public static Simulation build(long seed) {
      return PingEcho.build(seed);
    }
  }

  static class UnprocessedSimulation {
    @SimulationTest(seeds = "1", simulation = NoMain.class)
    void needsAMain(Simulation sim) {}
  }

  // ---- tests ----

  private EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(fixture))
        .configurationParameter("helios.junit.failingSeedsDir", seedsDirectory.toString())
        .execute();
  }

  private static List<String> names(Events events) {
    return events.stream().map(event -> event.getTestDescriptor().getDisplayName()).toList();
  }

  private static Throwable thrown(Event event) {
    return event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
  }

  private Path seedsFile(Class<?> fixture, String method) {
    return seedsDirectory.resolve(fixture.getName() + "." + method + ".txt");
  }

  @Test
  void eachSeedIsAnInvocationNamedBySeedInTheOrderWritten() {
    EngineExecutionResults results = run(RangesAndLists.class);
    results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(6).failed(0));
    assertEquals(List.of("seed 3", "seed 4", "seed 5", "seed 9", "seed 1", "seed 2"), names(results.testEvents().started()));
    List<String> reported = results.allEvents().reportingEntryPublished().stream()
        .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get("seed")).toList();
    assertEquals(List.of("3", "4", "5", "9", "1", "2"), reported);
    assertFalse(Files.exists(seedsFile(RangesAndLists.class, "mixed")), "nothing failed, nothing kept");

    List<String> byDefault = names(run(DefaultSeeds.class).testEvents().succeeded());
    assertEquals(100, byDefault.size());
    assertEquals("seed 0", byDefault.get(0));
    assertEquals("seed 99", byDefault.get(99));
  }

  @Test
  void theSeedAndTheSimulationBuiltFromItAreInjected() {
    EngineExecutionResults results = run(Injection.class);
    results.testEvents().failed().stream().forEach(event -> fail(thrown(event)));
    results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
  }

  @Test
  void failingSeedsAreKeptAndRunFirstNextTimeWithoutDuplicates() throws IOException {
    EngineExecutionResults first = run(Failing.class);
    first.testEvents().assertStatistics(stats -> stats.started(10).succeeded(7).failed(3));
    assertEquals(List.of("seed 1", "seed 5", "seed 9"), names(first.testEvents().failed()));
    Path file = seedsFile(Failing.class, "failsOnSeedsOneFiveAndNine");
    List<String> lines = Files.readAllLines(file);
    String testName = Failing.class.getName() + ".failsOnSeedsOneFiveAndNine";
    assertTrue(lines.get(0).startsWith("# Seeds that failed " + testName), lines.get(0));
    assertTrue(lines.stream().anyMatch(line -> line.contains("Delete it to reset")), String.join("\n", lines));
    assertEquals(List.of("1", "5", "9"), lines.stream().filter(line -> !line.startsWith("#")).toList());

    EngineExecutionResults second = run(Failing.class);
    assertEquals(
        List.of("seed 1 (failed before)", "seed 5 (failed before)", "seed 9 (failed before)",
            "seed 0", "seed 2", "seed 3", "seed 4", "seed 6", "seed 7", "seed 8"),
        names(second.testEvents().started()));
    second.testEvents().assertStatistics(stats -> stats.started(10).succeeded(7).failed(3));
    assertEquals(lines, Files.readAllLines(file), "no seed twice");

    // A seed that passes now stays, as a regression seed; deleting the file resets it.
    Files.writeString(file, "# kept by hand\n\n4\n", StandardOpenOption.APPEND);
    assertEquals("seed 4 (failed before)", names(run(Failing.class).testEvents().started()).get(3));
    Files.delete(file);
    assertEquals("seed 0", names(run(Failing.class).testEvents().started()).get(0));
  }

  @Test
  void theReportHoldsTheSeedTheFileTheReplayCommandAndTheTraceTail() {
    Event failed = run(Failing.class).testEvents().failed().stream().findFirst().orElseThrow();
    Throwable failure = thrown(failed);
    SimulationTestFailure report = assertInstanceOf(SimulationTestFailure.class, failure);
    assertEquals(1, report.seed());
    String message = report.getMessage();
    assertTrue(message.startsWith("seed 1 ends badly ==> expected: <true> but was: <false>\n\nseed: 1\n"), message);
    assertTrue(message.contains("\nseeds file: " + seedsFile(Failing.class, "failsOnSeedsOneFiveAndNine").toAbsolutePath()
        + " (seed 1 added; its seeds run first next time; delete it to reset)\n"), message);
    assertTrue(message.contains("\nreplay: java -cp <test classpath> dev.helios.junit.PingEchoMain --seed 1\n"), message);
    Simulation sim = PingEcho.build(1);
    sim.run();
    List<TraceEvent> trace = sim.trace();
    StringBuilder tail = new StringBuilder("\ntrace, the last 20 of " + trace.size() + " events:");
    for (TraceEvent event : trace.subList(trace.size() - 20, trace.size())) {
      tail.append("\n  ").append(event.toText());
    }
    assertTrue(message.endsWith(tail.toString()), message);

    // The original failure is the cause, and its stack trace shows: it points at the test's line.
    assertInstanceOf(org.opentest4j.AssertionFailedError.class, report.getCause());
    assertEquals(report.getCause().getStackTrace()[0], report.getStackTrace()[0]);
    assertTrue(List.of(report.getStackTrace()).stream()
        .anyMatch(frame -> frame.getMethodName().equals("failsOnSeedsOneFiveAndNine")));
  }

  @Test
  void withoutASimulationTheReportSaysHowToGetTheReplayAndTheTrace() {
    Map<String, String> messages = new TreeMap<>();
    for (Event event : run(FailingWithoutSimulation.class).testEvents().failed().stream().toList()) {
      boolean named = event.getTestDescriptor().getUniqueId().toString().contains("failsWithoutTakingTheSimulation");
      messages.put(named ? "named" : "unnamed", thrown(event).getMessage());
    }
    String unnamed = messages.get("unnamed");
    assertTrue(unnamed.startsWith("java.lang.IllegalStateException: no luck with 2\n\nseed: 2\n"), unnamed);
    assertTrue(unnamed.contains("\nreplay: name the simulation, @SimulationTest(simulation = YourSimulation.class), to get a"
        + " replay command; running the test again runs seed 2 first\n"), unnamed);
    assertTrue(unnamed.endsWith("\ntrace: take a Simulation parameter to see the trace"), unnamed);
    String named = messages.get("named");
    assertTrue(named.startsWith("no luck with 3\n\nseed: 3\n"), named);
    assertTrue(named.contains("\nreplay: java -cp <test classpath> dev.helios.junit.PingEchoMain --seed 3\n"), named);
    assertTrue(named.endsWith("\ntrace: take a Simulation parameter to see the trace"), named);
  }

  @Test
  void aBuildThatThrowsFailsItsSeedAndARunWithoutRecordingSaysSo() throws IOException {
    EngineExecutionResults results = run(Quiet.class);
    results.testEvents().assertStatistics(stats -> stats.started(2).failed(2));
    List<String> messages = results.testEvents().failed().stream().map(event -> thrown(event).getMessage()).toList();
    assertTrue(messages.get(0).startsWith("quiet failure\n\nseed: 2\n"), messages.get(0));
    assertTrue(messages.get(0).contains("\nreplay: " + QuietSource.class.getName() + " has no main method to replay with;"
        + " running the test again runs seed 2 first\n"), messages.get(0));
    assertTrue(messages.get(0).endsWith("\ntrace: the run recorded no trace (build(2) turns recording off)"), messages.get(0));
    assertTrue(messages.get(1).startsWith("build(3) of quiet threw java.lang.IllegalStateException: no simulation for seed 3"
        + "\n\nseed: 3\n"), messages.get(1));
    assertTrue(messages.get(1).endsWith("\ntrace: none, the simulation was not built"), messages.get(1));
    assertEquals(List.of("2", "3"),
        Files.readAllLines(seedsFile(Quiet.class, "fails")).stream().filter(line -> !line.startsWith("#")).toList());
  }

  @Test
  void anAbortedSeedIsNotAFailureAndIsNotKept() {
    run(Aborted.class).testEvents().assertStatistics(stats -> stats.started(2).aborted(2).failed(0));
    assertFalse(Files.exists(seedsFile(Aborted.class, "skipsEverySeed")));
  }

  @Test
  void configurationMistakesFailTheWholeTestWithAClearMessage() throws IOException {
    assertEquals(BadSeeds.class.getName() + ".never: @SimulationTest(seeds = \"0..x\") is not a list of seeds: \"0..x\""
            + " is neither a seed nor a range; " + SeedList.RULE,
        containerFailure(BadSeeds.class).getMessage());
    assertEquals(MissingSimulation.class.getName() + ".needsOne takes a Simulation parameter, so its @SimulationTest"
            + " needs simulation = YourSimulation.class: the @SimulationMain class whose build(seed) makes it,"
            + " or its generated main",
        containerFailure(MissingSimulation.class).getMessage());
    String noMain = containerFailure(UnprocessedSimulation.class).getMessage();
    assertTrue(noMain.startsWith(UnprocessedSimulation.class.getName()
        + ".needsAMain: @SimulationTest(simulation = NoMain.class): no generated main for " + NoMain.class.getName() + ": dev.helios.junit.SimulationTestExtensionTest_NoMainMain"
        + " is not on the class path. Annotate NoMain with @SimulationMain"), noMain);
    assertTrue(noMain.contains("run the Helios annotation processor"), noMain);

    Files.writeString(seedsFile(RangesAndLists.class, "mixed"), "# a comment\nabc\n");
    String badFile = containerFailure(RangesAndLists.class).getMessage();
    assertEquals(seedsFile(RangesAndLists.class, "mixed").toAbsolutePath() + ":2: \"abc\" is not a seed; the file holds one"
        + " seed a line and # comments; fix the line or delete the file to reset it", badFile);
  }

  /** The one failure of {@code fixture}'s test methods as containers: the error that stopped them before any seed ran. */
  private Throwable containerFailure(Class<?> fixture) {
    EngineExecutionResults results = run(fixture);
    List<Event> failed = results.containerEvents().failed().stream().toList();
    assertEquals(1, failed.size(), fixture.getName());
    return assertInstanceOf(ExtensionConfigurationException.class, thrown(failed.get(0)));
  }
}
