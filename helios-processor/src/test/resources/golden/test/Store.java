package test;

import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** State of several shapes: a list of records, a map, an array and a @Copyable class. */
@Node
final class Store {
  record Entry(String key, long version) {}

  List<Entry> log = new ArrayList<>();
  Map<String, Long> versions;
  int[] counters = new int[4];
  Ledger ledger = new Ledger();

  @OnMessage
  void onEntry(Entry entry) {
    log.add(entry);
  }
}
