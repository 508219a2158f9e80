package dev.helios.junit;

import dev.helios.runtime.Simulation;
import dev.helios.runtime.SimulationSource;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Turns a {@link SimulationTest} method into its invocations: first the seeds its failing-seeds
 * file keeps, then the sweep, leaving out the seeds already run. Each is a {@link SeedInvocation}.
 */
final class SimulationTestExtension implements TestTemplateInvocationContextProvider {
  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(method -> AnnotationSupport.isAnnotated(method, SimulationTest.class)).orElse(false);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    SimulationTest test = AnnotationSupport.findAnnotation(method, SimulationTest.class).orElseThrow();
    SeedList sweep;
    try {
      sweep = SeedList.parse(test.seeds());
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(where(method) + ": " + e.getMessage());
    }
    SimulationSource source = source(test, method, context);
    FailingSeeds failingSeeds = FailingSeeds.of(context);
    Set<Long> failedBefore = new LinkedHashSet<>(failingSeeds.read());
    Stream<TestTemplateInvocationContext> replays =
        failedBefore.stream().map(seed -> new SeedInvocation(seed, true, source, failingSeeds));
    Stream<TestTemplateInvocationContext> seeds =
        sweep.seeds(failedBefore).mapToObj(seed -> new SeedInvocation(seed, false, source, failingSeeds));
    return Stream.concat(replays, seeds);
  }

  /** The test's simulation, or null when it names none (then no parameter may be a Simulation). */
  private static SimulationSource source(SimulationTest test, Method method, ExtensionContext context) {
    if (test.simulation() == void.class) {
      for (Parameter parameter : method.getParameters()) {
        if (parameter.getType() == Simulation.class) {
          throw new ExtensionConfigurationException(where(method) + " takes a Simulation parameter, so its"
              + " @SimulationTest needs simulation = YourSimulation.class: the @SimulationMain class whose"
              + " build(seed) makes it, or its generated main");
        }
      }
      return null;
    }
    try {
      return GeneratedMains.sourceOf(test.simulation(), context.getRequiredTestClass().getClassLoader());
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(where(method) + ": @SimulationTest(simulation = "
          + test.simulation().getSimpleName() + ".class): " + e.getMessage(), e);
    }
  }

  private static String where(Method method) {
    return method.getDeclaringClass().getName() + "." + method.getName();
  }
}
