package dev.helios.junit;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationSource;
import dev.helios.runtime.trace.TraceEvent;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.opentest4j.IncompleteExecutionException;

/**
 * One seed's invocation of a {@link SimulationTest}: its name, the seed and simulation it injects,
 * and, when it fails, the seed saved and the failure reported with everything needed to replay it.
 */
final class SeedInvocation
    implements TestTemplateInvocationContext, ParameterResolver, BeforeTestExecutionCallback, TestExecutionExceptionHandler {
  /** How many of the last trace events a failure report shows. */
  static final int TRACE_TAIL_SIZE = 20;

  private final long seed;
  private final boolean failedBefore;
  private final SimulationSource source;
  private final FailingSeeds failingSeeds;
  private Simulation simulation;
  private boolean buildFailed;

  /** {@code source} is null when the test names no simulation. */
  SeedInvocation(long seed, boolean failedBefore, SimulationSource source, FailingSeeds failingSeeds) {
    this.seed = seed;
    this.failedBefore = failedBefore;
    this.source = source;
    this.failingSeeds = failingSeeds;
  }

  @Override
  public String getDisplayName(int invocationIndex) {
    return "seed " + seed + (failedBefore ? " (failed before)" : "");
  }

  @Override
  public List<Extension> getAdditionalExtensions() {
    return List.of(this);
  }

  // ---- parameters ----

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == long.class || type == Long.class || type == Simulation.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Simulation.class ? simulation() : seed;
  }

  /** {@code build(seed)}, made on first use: every Simulation parameter of this invocation is the same one. */
  private Simulation simulation() {
    if (simulation == null) {
      try {
        simulation = source.build(seed);
      } catch (RuntimeException e) {
        buildFailed = true;
        throw new ParameterResolutionException("build(" + seed + ") of " + source.name() + " threw " + e, e);
      }
      if (simulation == null) {
        buildFailed = true;
        throw new ParameterResolutionException("build(" + seed + ") of " + source.name() + " returned null");
      }
    }
    return simulation;
  }

  // ---- running ----

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    context.publishReportEntry("seed", Long.toString(seed));
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
    // An aborted or skipped test did not fail; a parameter no resolver can make is not the seed's fault.
    if (failure instanceof IncompleteExecutionException || (failure instanceof ParameterResolutionException && !buildFailed)) {
      throw failure;
    }
    String saved = save();
    throw new SimulationTestFailure(originalMessage(failure) + "\n\n" + report(saved), seed, failure);
  }

  /** Saves the seed; says where, or why it could not. */
  private String save() {
    try {
      boolean added = failingSeeds.add(seed);
      return "seeds file: " + failingSeeds.file() + " (" + (added ? "seed " + seed + " added" : "had seed " + seed + " already")
          + "; its seeds run first next time; delete it to reset)";
    } catch (IOException | RuntimeException e) {
      return "seeds file: could not add seed " + seed + " to " + failingSeeds.file() + ": " + e;
    }
  }

  private String report(String saved) {
    StringBuilder report = new StringBuilder();
    report.append("seed: ").append(seed).append('\n');
    report.append(saved).append('\n');
    report.append("replay: ").append(replay()).append('\n');
    report.append(traceTail());
    return report.toString();
  }

  private static String originalMessage(Throwable failure) {
    boolean messageSays = failure instanceof AssertionError || failure instanceof ParameterResolutionException;
    return messageSays && failure.getMessage() != null ? failure.getMessage() : failure.toString();
  }

  /** The command that replays the seed's run, or what to do to get one. */
  private String replay() {
    if (source == null) {
      return "name the simulation, @SimulationTest(simulation = YourSimulation.class), to get a replay command;"
          + " running the test again runs seed " + seed + " first";
    }
    if (!GeneratedMains.hasMain(source)) {
      return source.getClass().getName() + " has no main method to replay with; running the test again runs seed "
          + seed + " first";
    }
    return "java -cp <test classpath> " + source.getClass().getName() + " --seed " + seed;
  }

  /** The last trace events of the injected simulation, or why there are none. */
  private String traceTail() {
    if (simulation == null) {
      return buildFailed ? "trace: none, the simulation was not built" : "trace: take a Simulation parameter to see the trace";
    }
    if (!simulation.isRecording()) {
      return "trace: the run recorded no trace (build(" + seed + ") turns recording off)";
    }
    int size = simulation.traceSize();
    if (size == 0) {
      return "trace: the run recorded no trace (nothing ran)";
    }
    List<TraceEvent> tail = simulation.traceFrom(Math.max(0, size - TRACE_TAIL_SIZE));
    StringBuilder text = new StringBuilder(
        tail.size() == size ? "trace, all " + size + " events:" : "trace, the last " + tail.size() + " of " + size + " events:");
    for (TraceEvent event : tail) {
      text.append("\n  ").append(event.toText());
    }
    return text.toString();
  }
}
