package dev.helios.examples.kv;

import dev.helios.annotations.SimulationMain;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;
import dev.helios.runtime.explore.ScenarioBuilder;
import java.util.List;

/**
 * Primary-backup replication under faults: node 0 is the primary, nodes 1 and 2 its backups,
 * node 3 a client issuing 50 puts. The network loses 5% of messages and duplicates 2%; backup 1
 * crashes at 60 ms and restarts at 140 ms; backup 2 is cut off from the primary between 100 and
 * 180 ms. Run it with {@code ReplicatedKvMain --seed N}, sweep seeds with {@code --seeds 0..99}, or
 * explore more faults on top of these with {@code --explore}.
 */
@SimulationMain
public final class ReplicatedKv {
  static final int PRIMARY = 0;
  static final int CLIENT = 3;
  static final int PUTS = 50;
  static final List<Integer> BACKUPS = List.of(1, 2);
  /**
   * How long after the faults end every put must be confirmed and every backup caught up: the
   * client issues its last put at about 250 ms, and all 25,600 scenarios of this space under seeds
   * 0 to 99 hold within 300 ms of the heal at 150 ms.
   */
  static final long CONVERGE_WITHIN_MS = 300;
  /** Where each scenario stops: the horizon, where the liveness window ends. */
  static final long UNTIL_MS = 1_000;

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

  /**
   * Faults this design is meant to survive, on top of {@link #build}'s own: the link from the
   * primary to backup 1 losing a quarter of its messages (from 10 ms), backup 1 cut off from the
   * primary before its crash (40 ms), backup 2 crashing (30 ms) and coming back (80 ms), cut off
   * before the build cuts it off (70 ms), its partition healing early (120 ms), a crash of backup
   * 2 (125 ms), and a crash of backup 1 just after the build restarts it (150 ms). The primary and
   * the client never fail: with one primary there is nobody to take over. At 150 ms, the last
   * choice, every crashed backup restarts and every partition and link heals. No choice crashes
   * backup 1 before 60 ms or restarts it before 140 ms, and the heal comes after 140 ms: the
   * build's own crash and restart of it must still find it running and crashed.
   *
   * <p>Checks: a backup's log is always a prefix of the primary's, and once the faults end every
   * put is confirmed and every backup holds the primary's whole log within
   * {@link #CONVERGE_WITHIN_MS}.
   */
  public static ScenarioBuilder scenarios(Simulation sim) {
    return ScenarioBuilder.of(sim)
        .maybeLinkLossRatio(PRIMARY, 1, 0.25, 10)
        .maybeCrash(2, 30)
        .maybePartition(PRIMARY, 1, 40)
        .maybePartition(PRIMARY, 2, 70)
        .maybeRestart(2, 80)
        .maybeHeal(PRIMARY, 2, 120)
        .maybeCrash(2, 125)
        .maybeCrash(1, 150)
        .always("every backup's log is a prefix of the primary's", ReplicatedKv::backupsArePrefixes)
        .eventually("every put is confirmed", s -> s.node(CLIENT, Client.class).confirmedCount() == PUTS, CONVERGE_WITHIN_MS)
        .eventually("every backup holds the primary's log", ReplicatedKv::backupsCaughtUp, CONVERGE_WITHIN_MS)
        .until(UNTIL_MS);
  }

  /** Each backup's log is a prefix of the primary's: same keys and values, in the same order. */
  static boolean backupsArePrefixes(Simulation sim) {
    List<Primary.Entry> primary = sim.node(PRIMARY, Primary.class).log;
    for (int backup : BACKUPS) {
      List<Backup.Entry> log = sim.node(backup, Backup.class).log;
      if (log.size() > primary.size()) {
        return false;
      }
      for (int i = 0; i < log.size(); i++) {
        Backup.Entry entry = log.get(i);
        if (!entry.key().equals(primary.get(i).key()) || entry.value() != primary.get(i).value()) {
          return false;
        }
      }
    }
    return true;
  }

  /** Each backup holds the primary's whole log, with every put in it. */
  static boolean backupsCaughtUp(Simulation sim) {
    int size = sim.node(PRIMARY, Primary.class).log.size();
    for (int backup : BACKUPS) {
      if (sim.node(backup, Backup.class).log.size() != size) {
        return false;
      }
    }
    return size == PUTS && backupsArePrefixes(sim);
  }
}
