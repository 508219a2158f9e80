package dev.helios.bench.fork;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.kernel.Kernel;
import java.lang.reflect.Field;

/**
 * The kernel behind a simulation, for benchmarks that compare {@link Kernel#fork()} (what {@code
 * Simulation.fork()} calls) with {@link Kernel#forkEager()}, which users cannot reach. Read once, in
 * a benchmark's setup, by reflection: benchmarks are not simulated runs.
 */
final class Kernels {
  private Kernels() {}

  static Kernel of(Simulation simulation) {
    try {
      Field field = Simulation.class.getDeclaredField("kernel");
      field.setAccessible(true);
      return (Kernel) field.get(simulation);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Simulation has no kernel field", e);
    }
  }
}
