package dev.helios.bench.fork;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import dev.helios.annotations.OnStart;
import dev.helios.runtime.Context;
import java.util.ArrayList;
import java.util.List;

/** A node of {@link BranchForkBenchmark}: a log of 50 entries, written at start, a name and a counter. */
@Node
public final class LedgerNode {
  /** Log entries per node after its start. */
  public static final int LOG_SIZE = 50;

  final List<LogEntry> log = new ArrayList<>();
  long lastIndex;
  String name;

  @OnStart
  void onStart(Context context) {
    name = "ledger-" + context.self();
    for (int i = 0; i < LOG_SIZE; i++) {
      log.add(new LogEntry(1, i, "set key" + i + " " + (context.self() * 1_000L + i)));
    }
    lastIndex = LOG_SIZE - 1;
  }

  @OnMessage
  void onAppend(LogEntry entry) {
    log.add(entry);
    lastIndex = entry.index();
  }
}
