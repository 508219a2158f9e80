package dev.helios.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Fails when a {@link Diagnostic} has no test in one of the {@link #DIAGNOSTIC_TESTS}. */
class DiagnosticCoverageTest {
  /**
   * Diagnostics no valid input can trigger, each with the reason.
   *
   * <p>{@code UNEXPECTED} is what {@code process()} reports when the processor itself throws; a
   * test input that triggered it would be a processor bug to fix, not a case to keep.
   */
  private static final Set<Diagnostic> UNTESTABLE = EnumSet.of(Diagnostic.UNEXPECTED);

  /** The classes whose {@code @Covers} tests count. */
  private static final List<Class<?>> DIAGNOSTIC_TESTS =
      List.of(
          DiagnosticTest.class,
          LifecycleDiagnosticTest.class,
          ValueDiagnosticTest.class,
          UnresolvedTypeTest.class,
          LintSetupTest.class);

  private static List<Method> testMethods() {
    List<Method> methods = new ArrayList<>();
    for (Class<?> type : DIAGNOSTIC_TESTS) {
      methods.addAll(List.of(type.getDeclaredMethods()));
    }
    return methods;
  }

  @Test
  void everyDiagnosticHasATest() {
    Set<Diagnostic> covered = EnumSet.noneOf(Diagnostic.class);
    for (Method method : testMethods()) {
      Covers covers = method.getAnnotation(Covers.class);
      if (covers == null) {
        continue;
      }
      assertTrue(
          method.isAnnotationPresent(Test.class),
          method.getName() + " is marked @Covers but is not a @Test");
      covered.addAll(Set.of(covers.value()));
    }
    Set<Diagnostic> missing = EnumSet.allOf(Diagnostic.class);
    missing.removeAll(covered);
    missing.removeAll(UNTESTABLE);
    assertEquals(EnumSet.noneOf(Diagnostic.class), missing, "diagnostics without a test");
  }

  @Test
  void untestableDiagnosticsHaveNoTest() {
    for (Method method : testMethods()) {
      Covers covers = method.getAnnotation(Covers.class);
      if (covers != null) {
        for (Diagnostic diagnostic : covers.value()) {
          assertTrue(
              !UNTESTABLE.contains(diagnostic),
              diagnostic + " is listed as untestable but " + method.getName() + " covers it");
        }
      }
    }
  }
}
