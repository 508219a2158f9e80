package dev.helios.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The recipe in docs/WASM_GUIDE.md that makes a site of any {@code @SimulationMain} class is the
 * one this module's pom.xml follows, block for block; and following it built a site here.
 */
class ExamplesSiteRecipeTest {
  @Test
  void theGuidesRecipeIsWhatThisModuleBuildsItsSiteWith() throws IOException {
    String guide = Files.readString(Path.of("..", "docs", "WASM_GUIDE.md"), StandardCharsets.UTF_8);
    String pom = normalized(Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8));
    List<String> blocks = new ArrayList<>();
    Matcher xml = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL).matcher(guide);
    while (xml.find()) {
      Matcher element = Pattern.compile("<(dependency|plugin)>.*?</\\1>", Pattern.DOTALL).matcher(xml.group(1));
      while (element.find()) {
        blocks.add(element.group());
      }
    }
    assertEquals(4, blocks.size(), "two dependencies and two plugins in the guide's recipe");
    for (String block : blocks) {
      String expected = normalized(block
          .replace("${helios.version}", "${project.version}")
          .replace("<version>0.16.0</version>", "<version>${teavm.version}</version>"));
      // The pom pins plugin versions in the parent; the guide spells them out for a standalone module.
      expected = expected.replaceAll("(</artifactId>)<version>[^<]*</version>(<executions>)", "$1$2");
      assertTrue(pom.contains(expected), "examples/pom.xml does not follow the guide's block:\n" + block);
    }
    Path site = Path.of(System.getProperty("helios.site.dir", "target/site"));
    for (String file : List.of("index.html", "helios.js", "helios.css", "helios.wasm", "helios.wasm-runtime.mjs", "helios-fallback.js")) {
      assertTrue(Files.size(site.resolve(file)) > 0, site.resolve(file) + " is built and not empty");
    }
  }

  /** Without comments and whitespace between tags, so layout and remarks do not matter. */
  private static String normalized(String xml) {
    return xml.replaceAll("(?s)<!--.*?-->", "").replaceAll(">\\s+<", "><").trim();
  }
}
