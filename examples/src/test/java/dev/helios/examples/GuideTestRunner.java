package dev.helios.examples;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs one test class of docs/TESTING.md with JUnit and prints what happened, for {@link
 * TestingGuideTest}, in a JVM of its own: the runtime finds node companions once per JVM, so the
 * guide's nodes must be on the class path from the start.
 *
 * <p>Arguments: the test class, the failing-seeds directory. Prints {@code started N}, {@code failed
 * M}, then each failure's message after a line {@code --- failure}.
 */
final class GuideTestRunner {
  static final String FAILURE_MARK = "--- failure";

  private GuideTestRunner() {}

  public static void main(String[] args) throws ClassNotFoundException {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(Class.forName(args[0])))
        .configurationParameter("helios.junit.failingSeedsDir", args[1])
        .execute();
    System.out.println("started " + results.testEvents().started().count());
    System.out.println("failed " + results.testEvents().failed().count());
    results.testEvents().failed().stream().forEach(event -> {
      System.out.println(FAILURE_MARK);
      System.out.println(event.getPayload(TestExecutionResult.class)
          .flatMap(TestExecutionResult::getThrowable)
          .map(Throwable::getMessage)
          .orElse("(no message)"));
    });
  }
}
