package dev.helios.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A class that builds a simulation: it has exactly one {@code public static Simulation build(long
 * seed)} method. The processor generates {@code FooMain} beside class {@code Foo}, whose
 * {@code main} runs that simulation from the command line ({@code --seed}, {@code --until},
 * {@code --trace}, {@code --format}, {@code --seeds}, {@code --check-determinism}, {@code --quiet},
 * {@code --help}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SimulationMain {}
