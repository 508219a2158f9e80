package dev.helios.examples.kv;

import dev.helios.annotations.SimulationMain;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;

/**
 * Primary-backup replication under faults: node 0 is the primary, nodes 1 and 2 its backups,
 * node 3 a client issuing 50 puts. The network loses 5% of messages and duplicates 2%; backup 1
 * crashes at 60 ms and restarts at 140 ms; backup 2 is cut off from the primary between 100 and
 * 180 ms. Run it with {@code ReplicatedKvMain --seed N} or sweep seeds with {@code --seeds 0..99}.
 */
@SimulationMain
public final class ReplicatedKv {
  static final int PRIMARY = 0;
  static final int CLIENT = 3;
  static final int PUTS = 50;

  private ReplicatedKv() {}

  /** The scenario for {@code seed}; it runs for one virtual second. */
  public static Simulation build(long seed) {
    return SimulationBuilder.create()
        .node(PRIMARY, () -> new Primary(1, 2))
        .node(1, Backup::new)
        .node(2, Backup::new)
        .node(CLIENT, () -> new Client(PRIMARY, PUTS))
        .lossyNetwork(2, 3, 0.05, seed)
        .duplicationRatio(0.02)
        .crash(1, 60)
        .restart(1, 140)
        .partition(PRIMARY, 2, 100)
        .heal(PRIMARY, 2, 180)
        .horizonMs(1_000)
        .build();
  }
}
