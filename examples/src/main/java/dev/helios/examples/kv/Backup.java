package dev.helios.examples.kv;

import dev.helios.annotations.Durable;
import dev.helios.annotations.Node;
import dev.helios.annotations.OnMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A backup: applies the primary's log strictly in order and acknowledges the highest index it
 * holds. Its log is {@code @Durable}, as if written to disk: it survives crashes and restarts.
 */
@Node
public final class Backup {
  record Entry(String key, long value) {}

  @Durable List<Entry> log = new ArrayList<>();

  @OnMessage
  void onReplicate(Messages.Replicate replicate, dev.helios.runtime.Context context) {
    if (replicate.index() == log.size()) {
      log.add(new Entry(replicate.key(), replicate.value()));
    }
    // A gap (a lost earlier entry) is filled by the primary's retries; duplicates are ignored.
    context.reply(new Messages.ReplicateAck(log.size() - 1));
  }

  /** The entries this backup holds, oldest first. */
  public List<Entry> log() {
    return List.copyOf(log);
  }
}
