package dev.helios.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import dev.helios.runtime.trace.TraceFormats;
import dev.helios.runtime.trace.TraceKind;

/** The Perfetto (Chrome trace event) export has a valid structure. */
class ChromeTraceTest {
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> events(Simulation sim) {
    Map<String, Object> root = (Map<String, Object>) MiniJson.parse(TraceFormats.chromeJson(sim.trace(), sim.nodeIds()));
    return (List<Map<String, Object>>) root.get("traceEvents");
  }

  private static void assertValidStructure(Simulation sim) {
    List<Map<String, Object>> events = events(sim);
    TreeSet<Integer> tracks = new TreeSet<>();
    TreeMap<String, Integer> flowStarts = new TreeMap<>();
    TreeMap<String, Integer> flowEnds = new TreeMap<>();
    for (Map<String, Object> event : events) {
      String phase = (String) event.get("ph");
      int tid = ((Double) event.get("tid")).intValue();
      assertTrue(event.containsKey("ts") && event.containsKey("pid") && event.containsKey("name"), event.toString());
      switch (phase) {
        case "M" -> {
          if (event.get("name").equals("thread_name")) {
            assertTrue(tracks.add(tid), "two tracks named for node " + tid);
            assertEquals("node " + tid, ((Map<?, ?>) event.get("args")).get("name"));
          }
        }
        case "s" -> flowStarts.merge((String) event.get("id"), 1, Integer::sum);
        case "f" -> {
          flowEnds.merge((String) event.get("id"), 1, Integer::sum);
          assertEquals("e", event.get("bp"));
        }
        case "X", "i" -> assertTrue(event.containsKey("cat"), event.toString());
        default -> throw new AssertionError("unexpected phase " + phase);
      }
    }
    TreeSet<Integer> nodes = new TreeSet<>();
    for (int id : sim.nodeIds()) {
      nodes.add(id);
    }
    assertEquals(nodes, tracks, "one track per node");
    assertEquals(flowStarts, flowEnds, "every flow has both ends, once each");
    long delivered = sim.trace().stream().filter(e -> e.kind() == TraceKind.DELIVER).count();
    assertEquals(delivered, flowEnds.values().stream().mapToInt(Integer::intValue).sum(), "a flow per delivery");
  }

  @Test
  void theQuickStartExportsOneTrackPerNodeAndCompleteFlows() {
    Simulation sim = Scenarios.quickstart(42);
    sim.run();
    assertValidStructure(sim);
  }

  @Test
  void dropsDuplicatesFaultsAndUndeliveredMessagesKeepFlowsComplete() {
    for (long seed = 1; seed <= 20; seed++) {
      Simulation sim = ForkPropertiesTest.scenario(seed, true);
      sim.runUntilMicros(300_000); // stop mid-run: some messages are still in flight
      try {
        assertValidStructure(sim);
      } catch (AssertionError e) {
        throw new AssertionError("seed=" + seed + ": " + e.getMessage(), e);
      }
      List<Map<String, Object>> events = events(sim);
      assertTrue(events.stream().anyMatch(e -> ((String) e.get("name")).startsWith("drop #")), "seed=" + seed);
    }
  }

  @Test
  void payloadsWithQuotesAndNewlinesStayValidJson() {
    Simulation sim = SimulationBuilder.create().ping(0).echo(1).send(0, 1, "say \"hi\"\nand\tbye\\", 1).build();
    sim.run();
    assertValidStructure(sim);
    assertTrue(TraceFormats.chromeJson(sim.trace(), sim.nodeIds()).contains("\\\"say \\\\\\\"hi\\\\\\\"\\\\nand\\\\tbye\\\\\\\\\\\""),
        TraceFormats.chromeJson(sim.trace(), sim.nodeIds()));
  }
}
