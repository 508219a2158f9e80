package dev.helios.runtime.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards explored in separate JVMs, each through the generated {@code ExploreDemoMain} with
 * {@code --shard I/N --results FILE}, merge into exactly the whole space explored here.
 */
class ExploreAcrossProcessesTest {
  private static final int SHARDS = 3;

  @Test
  void shardsExploredInSeparateProcessesMergeIntoTheWholeExploration(@TempDir Path work)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> children = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (int index = 0; index < SHARDS; index++) {
      Path file = work.resolve("shard-" + index + ".txt");
      files.add(file);
      children.add(new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
              ExploreDemoMain.class.getName(), "--explore", "--shard", index + "/" + SHARDS, "--results", file.toString(),
              "--quiet"))
          .redirectErrorStream(true)
          .start());
    }
    ScenarioBuilder reader = ExploreDemo.scenarios(ExploreDemo.build(42));
    List<ExplorationResult> shards = new ArrayList<>();
    for (int index = 0; index < SHARDS; index++) {
      Process child = children.get(index);
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(child.waitFor(60, TimeUnit.SECONDS), "shard " + index + " did not finish: " + output);
      ExplorationResult shard = reader.readResult(Files.readString(files.get(index)));
      assertEquals(shard.violationCount() == 0 ? 0 : 1, child.exitValue(), "shard " + index + ": " + output);
      assertTrue(output.startsWith(shard.summary()), output);
      assertTrue(output.contains("results of shard " + index + "/" + SHARDS + " written to " + files.get(index)), output);
      shards.add(shard);
    }
    ExplorationResult whole = ExploreDemo.scenarios(ExploreDemo.build(42)).quiet().explore();
    ExplorationResult merged = ExplorationResult.merge(shards);
    assertEquals(whole.toText(), merged.toText());
    assertEquals(whole.summary(), merged.summary());
  }
}
