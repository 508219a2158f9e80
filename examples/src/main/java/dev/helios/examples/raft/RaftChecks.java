package dev.helios.examples.raft;

import dev.helios.examples.raft.Messages.Command;
import dev.helios.examples.raft.Messages.Get;
import dev.helios.examples.raft.Messages.Put;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.linearizability.KvInput;
import dev.helios.runtime.linearizability.LinearizabilityChecker;
import dev.helios.runtime.linearizability.LinearizabilityResult;
import dev.helios.runtime.linearizability.Models;
import dev.helios.runtime.linearizability.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The Raft example's checks. Each reads the servers' ghost state or the clients' histories and
 * returns true, or throws an {@link AssertionError} that says what went wrong, which the explorer
 * reports as the violation's message.
 */
final class RaftChecks {
  private RaftChecks() {}

  /** Election safety: no two servers ever led the same term (crashes included: the record is durable). */
  static boolean oneLeaderPerTerm(Simulation sim) {
    TreeMap<Long, Integer> leaderByTerm = new TreeMap<>();
    for (int server = 0; server < RaftCluster.SERVERS; server++) {
      for (long term : sim.node(server, RaftServer.class).ghostTermsLed) {
        Integer other = leaderByTerm.putIfAbsent(term, server);
        if (other != null) {
          throw new AssertionError("servers " + other + " and " + server + " both led term " + term);
        }
      }
    }
    return true;
  }

  /**
   * State machine safety: no two servers applied different entries at one index, and no server
   * applied an index twice with different entries (a committed entry lost or changed).
   */
  static boolean stateMachineSafety(Simulation sim) {
    RaftServer[] servers = new RaftServer[RaftCluster.SERVERS];
    for (int server = 0; server < servers.length; server++) {
      servers[server] = sim.node(server, RaftServer.class);
      if (servers[server].ghostConflict != null) {
        throw new AssertionError("server " + server + " " + servers[server].ghostConflict);
      }
    }
    for (int a = 0; a < servers.length; a++) {
      for (int b = a + 1; b < servers.length; b++) {
        List<Long> digestsA = servers[a].ghostDigests;
        List<Long> digestsB = servers[b].ghostDigests;
        int common = Math.min(digestsA.size(), digestsB.size());
        if (common > 0 && !digestsA.get(common - 1).equals(digestsB.get(common - 1))) {
          throw new AssertionError(firstDifference(a, servers[a], b, servers[b]));
        }
      }
    }
    return true;
  }

  private static String firstDifference(int a, RaftServer serverA, int b, RaftServer serverB) {
    int index = 0;
    while (serverA.ghostApplied.get(index).equals(serverB.ghostApplied.get(index))) {
      index++;
    }
    return "servers " + a + " and " + b + " applied different entries at index " + (index + 1) + ": "
        + serverA.ghostApplied.get(index) + " and " + serverB.ghostApplied.get(index);
  }

  /** Liveness: every client has had every operation answered. */
  static boolean everyRequestCompleted(Simulation sim) {
    for (int client : RaftCluster.CLIENTS) {
      if (!sim.node(client, RaftClient.class).isDone()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Linearizability: the clients' history, operations still waiting included, is one a key-value
   * map could have given with each operation taking effect between its call and its return.
   */
  static boolean linearizable(Simulation sim) {
    LinearizabilityResult<KvInput<Long>, Object> result = LinearizabilityChecker.check(Models.keyValue(), history(sim));
    if (!result.isLinearizable()) {
      throw new AssertionError(result.describe());
    }
    return true;
  }

  /** Every client's operations: those answered, and the one still waiting for an answer, if any. */
  static List<Operation<KvInput<Long>, Object>> history(Simulation sim) {
    List<Operation<KvInput<Long>, Object>> history = new ArrayList<>();
    for (int id : RaftCluster.CLIENTS) {
      RaftClient client = sim.node(id, RaftClient.class);
      for (RaftClient.Invocation invocation : client.completed) {
        history.add(Operation.completed(id, input(invocation.command()), output(invocation),
            invocation.callMicros(), invocation.returnMicros()));
      }
      if (client.outstanding != null) {
        history.add(Operation.pending(id, input(client.outstanding.command()), client.outstanding.callMicros()));
      }
    }
    return history;
  }

  private static KvInput<Long> input(Command command) {
    if (command instanceof Put put) {
      return KvInput.put(put.key(), put.value());
    }
    return KvInput.get(((Get) command).key());
  }

  private static Object output(RaftClient.Invocation invocation) {
    if (invocation.command() instanceof Put) {
      return "ok";
    }
    return invocation.result() == RaftClient.ABSENT ? Models.ABSENT : (Object) invocation.result();
  }
}
