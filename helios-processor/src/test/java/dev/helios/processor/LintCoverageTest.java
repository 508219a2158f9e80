package dev.helios.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fails when a {@link Lint} check lacks one of its three tests in {@link LintTest}: the finding
 * (warning, and error under strict), a suppressed case, and at least one more test of it.
 */
class LintCoverageTest {
  @Test
  void everyCheckHasAFindingTestAndASuppressionTest() {
    Map<Lint, Integer> tests = new EnumMap<>(Lint.class);
    Set<Lint> suppressed = EnumSet.noneOf(Lint.class);
    for (Method method : LintTest.class.getDeclaredMethods()) {
      LintCovers covers = method.getAnnotation(LintCovers.class);
      if (covers == null) {
        continue;
      }
      assertTrue(method.isAnnotationPresent(Test.class), method.getName() + " is marked @LintCovers but is not a @Test");
      for (Lint lint : covers.value()) {
        tests.merge(lint, 1, Integer::sum);
        if (method.getName().toLowerCase(java.util.Locale.ROOT).contains("suppress")) {
          suppressed.add(lint);
        }
      }
    }
    for (Lint lint : Lint.values()) {
      assertTrue(tests.getOrDefault(lint, 0) >= 3, lint + " has " + tests.getOrDefault(lint, 0) + " tests; it needs 3 or more");
    }
    assertEquals(EnumSet.allOf(Lint.class), suppressed, "checks with a suppression test");
  }

  @Test
  void tagsAreDistinctAndSuppressionsNameThem() {
    Set<String> tags = new java.util.TreeSet<>();
    for (Lint lint : Lint.values()) {
      assertTrue(tags.add(lint.tag()), "duplicate tag " + lint.tag());
      assertEquals("helios:" + lint.tag(), lint.suppression());
      assertTrue(lint.format("x", "y", "z").startsWith("[Helios:" + lint.tag() + "] "), lint.format("x", "y", "z"));
    }
  }
}
