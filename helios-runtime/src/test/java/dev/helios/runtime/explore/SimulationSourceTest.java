package dev.helios.runtime.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated main of a {@code @SimulationMain} class is found by name through the services file. */
class SimulationSourceTest {
  @Test
  void theGeneratedMainIsASimulationSourceListedByTheProcessor() {
    List<SimulationSource> sources = SimulationSource.all();
    assertEquals(List.of("dev.helios.runtime.explore.ExploreDemo"), sources.stream().map(SimulationSource::name).toList());
    SimulationSource demo = sources.get(0);
    assertTrue(demo.hasScenarios());
    Simulation viaSource = demo.build(7);
    Simulation direct = ExploreDemo.build(7);
    viaSource.run();
    direct.run();
    assertEquals(direct.traceHash(), viaSource.traceHash());
    assertEquals(
        ExploreDemo.scenarios(ExploreDemo.build(7)).explore().summary(),
        demo.scenarios(demo.build(7)).explore().summary());
  }
}
