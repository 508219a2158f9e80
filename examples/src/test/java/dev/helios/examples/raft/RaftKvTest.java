package dev.helios.examples.raft;

import static dev.helios.junit.HeliosAssertions.assertDeterministic;
import static java.util.stream.Collectors.joining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.examples.MainRun;
import dev.helios.examples.raft.Messages.ClientRequest;
import dev.helios.examples.raft.Messages.Entry;
import dev.helios.examples.raft.Messages.Put;
import dev.helios.junit.SimulationTest;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.explore.ExplorationResult;
import dev.helios.runtime.explore.Violation;
import dev.helios.runtime.trace.TraceFormats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Raft example: a correct store that no explored scenario breaks, and a buggy one whose lost
 * commit the explorer finds, shrinks to one fault and replays.
 */
class RaftKvTest {
  /** The seed the generated main builds with when {@code --seed} is not given. */
  private static final long MAIN_SEED = 42;

  @SimulationTest(seeds = "0..19", simulation = RaftKv.class)
  void withoutFaultsEveryRequestCompletesAndEveryServerEndsWithTheSameMap(Simulation sim) {
    sim.run();
    assertTrue(RaftChecks.everyRequestCompleted(sim));
    assertTrue(RaftChecks.oneLeaderPerTerm(sim));
    assertTrue(RaftChecks.stateMachineSafety(sim));
    assertTrue(RaftChecks.linearizable(sim));
    RaftServer first = sim.node(0, RaftServer.class);
    assertTrue(first.data.size() > 0);
    for (int server = 1; server < RaftCluster.SERVERS; server++) {
      RaftServer other = sim.node(server, RaftServer.class);
      assertEquals(first.data, other.data, "server " + server);
      assertEquals(first.lastApplied, other.lastApplied, "server " + server);
    }
  }

  @SimulationTest(seeds = "0..2")
  void sameSeedSameTraceRunTwiceOrForked(long seed) {
    assertDeterministic(RaftKv.class, seed);
    assertDeterministic(RaftKvBuggy.class, seed);
  }

  @Test
  void aRetryOfARequestAlreadyAppliedIsAnsweredFromTheSessionAndNotAppliedAgain() {
    Simulation sim = RaftKv.build(7);
    sim.runUntilMs(1_500);
    RaftClient client = sim.node(5, RaftClient.class);
    RaftClient.Invocation firstPut = client.completed().stream()
        .filter(invocation -> invocation.command() instanceof Put).findFirst().orElseThrow();
    int leader = leader(sim);
    long entriesBefore = entriesFor(sim.node(leader, RaftServer.class), 5, firstPut.requestId());
    // The same request again, long after it was applied, from client 5 (a very late duplicate).
    Simulation retried = RaftCluster.builder(7, false)
        .send(5, leader, new ClientRequest(firstPut.requestId(), firstPut.command()), 1_500)
        .build();
    retried.run();
    assertEquals(1, entriesBefore, "seed=7");
    assertEquals(1, entriesFor(retried.node(leader, RaftServer.class), 5, firstPut.requestId()), "seed=7");
    assertTrue(RaftChecks.linearizable(retried));
  }

  @Test
  void anEntryAppendedTwiceIsAppliedOnce() {
    Simulation sim = RaftKv.build(3);
    sim.runUntilMs(400);
    int leader = leader(sim);
    RaftServer server = sim.node(leader, RaftServer.class);
    Entry applied = server.log.stream().filter(entry -> entry.command() instanceof Put).findFirst().orElseThrow();
    // As if a second leader had appended the client's retry again: the sessions must skip it.
    server.log.add(new Entry(server.currentTerm, applied.client(), applied.requestId(), applied.command()));
    sim.run();
    for (int id = 0; id < RaftCluster.SERVERS; id++) {
      assertEquals(1, sim.node(id, RaftServer.class).retriesSkipped, "server " + id + " (seed=3)");
    }
    assertTrue(RaftChecks.stateMachineSafety(sim));
    assertTrue(RaftChecks.linearizable(sim));
  }

  @Test
  void theLostCommitIsAStaleReadThatTheLinearizabilityCheckShrinksToThreeOperations() {
    Simulation buggy = crashLeaderAndRestart(RaftKvBuggy.build(42));
    AssertionError stale = assertThrows(AssertionError.class, () -> RaftChecks.linearizable(buggy));
    assertEquals("""
        not linearizable: key x, 3 operations cannot be ordered (shrunk from 36):
          client 6: put(x, 6000016) -> ok [234.539 ms, 239.896 ms]
          client 6: put(x, 6000023) -> ok [282.301 ms, 286.604 ms]
          client 5: get(x) -> 6000016 [418.184 ms, 423.721 ms]""", stale.getMessage().lines().limit(4).collect(joining("\n")));
    assertTrue(RaftChecks.linearizable(crashLeaderAndRestart(RaftKv.build(42))), "the correct store under the same faults");
  }

  /** Crashes server 1, the leader at 300 ms under seed 42, restarts it 200 ms later, and runs to the end. */
  static Simulation crashLeaderAndRestart(Simulation sim) {
    sim.runUntilMs(300);
    assertTrue(sim.node(1, RaftServer.class).isLeader(), "server 1 leads at 300 ms (seed=42)");
    sim.crash(1);
    sim.runUntilMs(500);
    sim.restart(1);
    sim.run();
    return sim;
  }

  @Test
  void exploringTheCorrectStoreFindsNoViolation() {
    MainRun outcome = MainRun.of("RaftKvMain", RaftKv::build, RaftKv::scenarios, "--explore", "--quiet");
    assertEquals(0, outcome.status(), outcome.out() + outcome.err());
    assertTrue(outcome.out().startsWith("scenarios: 4096 ("), outcome.out());
    assertTrue(outcome.out().contains("\nviolations: 0\n"), outcome.out());
  }

  @Test
  void theBuggyStoresLostCommitIsFoundShrunkToOneFaultAndReplayed() throws Exception {
    ExplorationResult result = RaftKvBuggy.scenarios(RaftKvBuggy.build(MAIN_SEED)).quiet().explore();
    assertTrue(result.violationCount() > 0, result.summary());
    Violation first = result.distinctViolations().get(0);
    Violation shrunk = first.shrink();
    assertEquals("state machine safety", shrunk.check());
    assertTrue(shrunk.faults().size() <= 3, shrunk.toString());
    assertEquals(1, shrunk.faults().size(), shrunk.toString());

    // The generated main, in its own JVM as a user runs it: exit status 1, the shrunk scenario and its replay line.
    Process process = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            "dev.helios.examples.raft.RaftKvBuggyMain", "--explore", "--shrink")
        .redirectErrorStream(true)
        .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), out);
    assertEquals(1, process.exitValue(), out);
    assertTrue(out.contains("\n  1: RaftKvBuggyMain " + first.replayArguments(MAIN_SEED) + "\n"), out);
    assertTrue(out.contains("     shrunk: " + shrunk + "\n     RaftKvBuggyMain " + shrunk.replayArguments(MAIN_SEED) + "\n"), out);
    assertTrue(out.contains("     view: ?" + shrunk.viewQuery("RaftKvBuggy", MAIN_SEED) + "\n"), out);

    MainRun replay = MainRun.of("RaftKvBuggyMain", RaftKvBuggy::build, RaftKvBuggy::scenarios,
        MainRun.shellWords(shrunk.replayArguments(MAIN_SEED)));
    assertEquals(1, replay.status(), replay.out() + replay.err());
    assertTrue(replay.out().contains("violation: " + shrunk.check() + ": " + shrunk.message()), replay.out());
    assertTrue(replay.out().strip().endsWith("trace hash: " + TraceFormats.hex(shrunk.traceHash())), replay.out());
  }

  // ---- helpers ----

  private static int leader(Simulation sim) {
    int leader = -1;
    long term = -1;
    for (int id = 0; id < RaftCluster.SERVERS; id++) {
      RaftServer server = sim.node(id, RaftServer.class);
      if (server.isLeader() && server.currentTerm() > term) {
        leader = id;
        term = server.currentTerm();
      }
    }
    assertTrue(leader >= 0, "no leader at " + sim.nowMicros() + " µs (seed=" + sim.seed() + ")");
    return leader;
  }

  private static long entriesFor(RaftServer server, int client, long requestId) {
    return server.log.stream().filter(entry -> entry.client() == client && entry.requestId() == requestId).count();
  }
}
