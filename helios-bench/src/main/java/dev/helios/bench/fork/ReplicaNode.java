package dev.helios.bench.fork;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The node state of BENCHMARKS.md's copy workload: three longs, two ints, a String, a log of 1,000
 * entries and a map of 100 counters. Serializable and with a public no-argument constructor so
 * that Kryo and Java serialization can copy the very same objects.
 */
@Node
public final class ReplicaNode implements Serializable {
  private static final long serialVersionUID = 1L;

  long currentTerm;
  long commitIndex;
  long lastApplied;
  int votesGranted;
  int peerCount;
  String name;
  final List<LogEntry> log = new ArrayList<>();
  HashMap<String, Long> appliedIndexByKey = new HashMap<>();

  /** An empty replica; {@link #fill} gives it the benchmark's state. */
  public ReplicaNode() {}

  @OnMessage
  void onAppend(LogEntry entry) {
    log.add(entry);
    commitIndex = entry.index();
  }

  /** Gives this node {@code logSize} log entries, {@code keyCount} counters and its fields, varied by {@code id}. */
  void fill(int id, int logSize, int keyCount) {
    currentTerm = 7 + id;
    commitIndex = logSize - 1;
    lastApplied = logSize - 2;
    votesGranted = 3;
    peerCount = 5;
    name = "replica-" + id;
    for (int i = 0; i < logSize; i++) {
      log.add(new LogEntry(1 + i / 100, i, "set key" + (i % keyCount) + " " + (id * 1_000_000L + i)));
    }
    for (int k = 0; k < keyCount; k++) {
      appliedIndexByKey.put("key" + k, (long) (logSize - keyCount + k));
    }
  }

  /** A hand-written copy that shares immutable entries: the limit a generated copy can reach. */
  ReplicaNode handWrittenCopy() {
    ReplicaNode copy = new ReplicaNode();
    copy.currentTerm = currentTerm;
    copy.commitIndex = commitIndex;
    copy.lastApplied = lastApplied;
    copy.votesGranted = votesGranted;
    copy.peerCount = peerCount;
    copy.name = name;
    copy.log.addAll(log);
    copy.appliedIndexByKey = new HashMap<>(appliedIndexByKey);
    return copy;
  }
}
