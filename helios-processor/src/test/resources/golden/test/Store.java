package test;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * State of several shapes (a list of records, a map, an array, a @Copyable class, a final map of
 * @Copyable values) and a message with a list in it.
 */
@Node
final class Store {
  record Entry(String key, long version) {}

  record Batch(String origin, List<Entry> entries) {}

  List<Entry> log = new ArrayList<>();
  Map<String, Long> versions;
  int[] counters = new int[4];
  Ledger ledger = new Ledger();
  final Map<String, Ledger> accounts = new LinkedHashMap<>();

  @OnMessage
  void onEntry(Entry entry) {
    log.add(entry);
  }

  @OnMessage
  void onBatch(Batch batch) {
    log.addAll(batch.entries());
  }
}
