package dev.helios.junit;

import dev.helios.runtime.SimulationSource;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Finds the {@link SimulationSource} of a simulation class: the class itself if it is one (a
 * generated main, say), else the main the processor generates beside a {@code @SimulationMain}
 * class ({@code Foo} gets {@code FooMain}, nested {@code Outer.Foo} gets {@code Outer_FooMain}).
 * Reflection is fine here: it picks what to run, outside any simulated run.
 */
final class GeneratedMains {
  private GeneratedMains() {}

  /**
   * The source of {@code simulation}, its generated main loaded through {@code loader}.
   *
   * @throws IllegalArgumentException saying what is missing and how to get it
   */
  static SimulationSource sourceOf(Class<?> simulation, ClassLoader loader) {
    if (simulation.isPrimitive() || simulation.isArray() || simulation.isInterface()) {
      throw new IllegalArgumentException(simulation.getName() + " is not a simulation class; name the @SimulationMain"
          + " class whose build(seed) makes the simulation, or its generated main");
    }
    if (SimulationSource.class.isAssignableFrom(simulation)) {
      return newSource(simulation);
    }
    String mainName = mainClassName(simulation);
    Class<?> main;
    try {
      main = Class.forName(mainName, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no generated main for " + simulation.getName() + ": " + mainName
          + " is not on the class path. Annotate " + simulation.getSimpleName() + " with @SimulationMain"
          + " (it needs public static Simulation build(long seed)) and run the Helios annotation processor"
          + " (helios-processor in the compiler's annotationProcessorPaths), or name a class that implements SimulationSource");
    }
    if (!SimulationSource.class.isAssignableFrom(main)) {
      throw new IllegalArgumentException(mainName + ", found for " + simulation.getName()
          + ", does not implement SimulationSource: it is not the main the Helios annotation processor generates;"
          + " rename it, or name a class that implements SimulationSource");
    }
    return newSource(main);
  }

  /** The name of the main the processor generates for {@code simulation}. */
  static String mainClassName(Class<?> simulation) {
    String packageName = simulation.getPackageName();
    String binaryName = packageName.isEmpty() ? simulation.getName() : simulation.getName().substring(packageName.length() + 1);
    return (packageName.isEmpty() ? "" : packageName + ".") + binaryName.replace('$', '_') + "Main";
  }

  /** True if {@code source}'s class has {@code public static void main(String[])}: a replay command can name it. */
  static boolean hasMain(SimulationSource source) {
    try {
      Method main = source.getClass().getMethod("main", String[].class);
      return Modifier.isStatic(main.getModifiers()) && main.getReturnType() == void.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static SimulationSource newSource(Class<?> sourceClass) {
    try {
      return (SimulationSource) ReflectionSupport.newInstance(sourceClass);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot make a " + sourceClass.getName() + " (a SimulationSource needs a"
          + " constructor without parameters): " + e, e);
    }
  }
}
