package dev.helios.examples.kv;

import dev.helios.annotations.Durable;
import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A backup: applies the primary's log strictly in order, holding entries that arrive early until
 * the gap before them fills, and acknowledges the highest index it holds. Its log is
 * {@code @Durable}, as if written to disk: it survives crashes and restarts.
 */
@Node
public final class Backup {
  record Entry(String key, long value) {}

  @Durable List<Entry> log = new ArrayList<>();
  /** Entries that arrived before an earlier one, by index, until the gap fills; in memory only. */
  final TreeMap<Long, Entry> early = new TreeMap<>();

  @OnMessage
  void onReplicate(Messages.Replicate replicate, dev.helios.runtime.Context context) {
    if (replicate.index() >= log.size()) {
      early.put(replicate.index(), new Entry(replicate.key(), replicate.value()));
    }
    // Entries join the log strictly in order: a gap (a lost earlier entry) waits for the primary's
    // retries, and duplicates of entries already held are ignored.
    while (early.containsKey((long) log.size())) {
      log.add(early.remove((long) log.size()));
    }
    context.reply(new Messages.ReplicateAck(log.size() - 1));
  }

  /** The entries this backup holds, oldest first. */
  public List<Entry> log() {
    return List.copyOf(log);
  }
}
