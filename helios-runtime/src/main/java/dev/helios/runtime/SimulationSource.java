package dev.helios.runtime;

import dev.helios.runtime.explore.ScenarioBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A {@code @SimulationMain} class as tools find it by name: the main the processor generates for
 * class {@code Foo} ({@code FooMain}) implements this interface and is listed in
 * {@code META-INF/services/dev.helios.runtime.SimulationSource}, so the browser visualizer (and any
 * tool) reaches every simulation on its class path through {@link ServiceLoader}, with no
 * reflection; TeaVM resolves the same list when it compiles to WebAssembly.
 */
public interface SimulationSource {
  /** The {@code @SimulationMain} class's qualified name, e.g. {@code dev.helios.examples.Quickstart}. */
  String name();

  /** Calls the class's {@code build(seed)}. */
  Simulation build(long seed);

  /** True if the class declares {@code scenarios(Simulation)}. */
  boolean hasScenarios();

  /**
   * Calls the class's {@code scenarios(sim)}.
   *
   * @throws UnsupportedOperationException if the class declares none ({@link #hasScenarios()} is false)
   */
  ScenarioBuilder scenarios(Simulation sim);

  /** Every simulation on the class path, ordered by name. */
  static List<SimulationSource> all() {
    List<SimulationSource> sources = new ArrayList<>();
    for (SimulationSource source : ServiceLoader.load(SimulationSource.class)) {
      sources.add(source);
    }
    sources.sort((a, b) -> a.name().compareTo(b.name()));
    return List.copyOf(sources);
  }
}
