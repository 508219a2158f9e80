package dev.helios.runtime.explore;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationBuilder;

/** Simulations of {@link Beacon}s for the explorer's tests. */
final class Beacons {
  private Beacons() {}

  /** {@code n} beacons, 2 ms latency with 1 ms jitter, no loss. */
  static Simulation of(int n, long seed) {
    SimulationBuilder builder = SimulationBuilder.create().seed(seed).latencyMs(2).jitterMs(1);
    for (int id = 0; id < n; id++) {
      builder.node(id, () -> new Beacon(n));
    }
    return builder.build();
  }

  static Beacon node(Simulation sim, int id) {
    return sim.node(id, Beacon.class);
  }

  /** True if every running node heard a beat in the last {@code windowMs}. */
  static boolean allHeardWithin(Simulation sim, long windowMs) {
    for (int id : sim.nodeIds()) {
      if (!sim.isCrashed(id) && node(sim, id).lastBeatMicros < sim.nowMicros() - windowMs * 1000) {
        return false;
      }
    }
    return true;
  }
}
