package dev.helios.examples.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.helios.examples.MainRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The explorer guide's Raft walk-through shows what the commands print: each block marked
 * {@code <!-- output: RaftKvBuggyMain ARGS -->} is run with those arguments, and every line of the
 * block other than {@code ...} must be a line of the output, in the same order (wall times aside).
 */
class ExplorerGuideWalkthroughTest {
  private static final Pattern OUTPUT_BLOCK =
      Pattern.compile("<!-- output: RaftKvBuggyMain (.*?) -->\\n```text\\n(.*?)```", Pattern.DOTALL);
  private static final String WALL_TIME = "wall time: \\d+ ms";

  @Test
  void theWalkthroughsOutputsAreWhatTheCommandsPrint() throws IOException {
    String guide = Files.readString(Path.of("..", "docs", "EXPLORER_GUIDE.md"), StandardCharsets.UTF_8);
    Matcher block = OUTPUT_BLOCK.matcher(guide);
    int blocks = 0;
    while (block.find()) {
      blocks++;
      String arguments = block.group(1);
      MainRun run = MainRun.of("RaftKvBuggyMain", RaftKvBuggy::build, RaftKvBuggy::scenarios, MainRun.shellWords(arguments));
      assertEquals(1, run.status(), "RaftKvBuggyMain " + arguments + " finds the violation");
      assertShownInOrder(block.group(2), run.out(), arguments);
    }
    assertEquals(2, blocks, "the walk-through shows the exploration and the replay");
  }

  @Test
  void theWalkthroughShowsTheLinearizabilityCheckersReportOnTheLostWrite() throws IOException {
    String guide = Files.readString(Path.of("..", "docs", "EXPLORER_GUIDE.md"), StandardCharsets.UTF_8);
    AssertionError stale = assertThrows(AssertionError.class,
        () -> RaftChecks.linearizable(RaftKvTest.crashLeaderAndRestart(RaftKvBuggy.build(42))));
    String report = stale.getMessage().lines().limit(4).collect(Collectors.joining("\n"));
    assertTrue(guide.contains("```text\n" + report + "\n```\n"), report);
  }

  private static void assertShownInOrder(String shown, String printed, String arguments) {
    List<String> lines = new ArrayList<>(List.of(printed.replaceAll(WALL_TIME, "wall time: _").split("\n")));
    int at = 0;
    for (String line : shown.replaceAll(WALL_TIME, "wall time: _").split("\n")) {
      if (line.equals("...")) {
        continue;
      }
      int found = lines.subList(at, lines.size()).indexOf(line);
      if (found < 0) {
        fail("RaftKvBuggyMain " + arguments + " does not print, after line " + at + ":\n" + line + "\n--- it printed:\n" + printed);
      }
      at += found + 1;
    }
    assertTrue(at > 0, "the block quotes some output");
  }
}
