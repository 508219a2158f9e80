package dev.helios.runtime.explore;

import dev.helios.annotations.SimulationMain;
import dev.helios.runtime.Simulation;

/**
 * Three {@link Beacon}s and a space of partitions, crashes and restarts in which some scenarios
 * leave a node unheard: the processor generates {@code ExploreDemoMain}, whose {@code --explore}
 * the command-line tests run in this JVM and in others.
 */
@SimulationMain
final class ExploreDemo {
  private ExploreDemo() {}

  public static Simulation build(long seed) {
    return Beacons.of(3, seed);
  }

  public static ScenarioBuilder scenarios(Simulation sim) {
    return ScenarioBuilder.of(sim)
        .maybePartition(0, 2, 15)
        .maybeCrash(1, 20)
        .maybeRestart(1, 35)
        .seedRange(0, 3)
        .until(80)
        .always("node 0 hears a beat every 15 ms", s -> s.nowMicros() < 15_000
            || Beacons.node(s, 0).lastBeatMicros >= s.nowMicros() - 15_000);
  }
}
