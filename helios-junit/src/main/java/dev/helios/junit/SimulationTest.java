package dev.helios.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A seed sweep as a test: the method runs once per seed, each run a separate invocation named
 * {@code seed 17}, with the seed injected.
 *
 * <pre>{@code
 * @SimulationTest(seeds = "0..99", simulation = ReplicatedKv.class)
 * void everyPutIsConfirmed(Simulation sim) {   // sim = ReplicatedKv.build(seed), not yet run
 *   sim.run();
 *   assertEquals(50, sim.node(3, Client.class).confirmedCount());
 * }
 * }</pre>
 *
 * <p><b>Parameters.</b> A {@code long} (or {@code Long}) parameter gets the seed. A {@link
 * dev.helios.runtime.Simulation} parameter gets {@code build(seed)} of the {@link #simulation()},
 * built once per invocation (so every such parameter, and one of a {@code @BeforeEach} method, is
 * the same simulation). Other parameters are left to other resolvers.
 *
 * <p><b>Failing seeds are kept.</b> When an invocation fails (an assertion, an exception, or
 * {@code build(seed)} throwing), its seed is appended to the file
 * {@code src/test/resources/helios/failing-seeds/<test class>.<method>.txt}, e.g. {@code
 * dev.helios.examples.kv.ReplicatedKvTest.everyPutIsConfirmed.txt}, relative to the working
 * directory (Maven and Gradle run tests in the module's directory). The seeds in that file run
 * first next time, named {@code seed 17 (failed before)}, and then the sweep runs, leaving out the
 * seeds already run. A seed stays in the file after it passes again: the file is a list of
 * regression seeds, meant to be committed. Delete the file to start afresh. The JUnit configuration
 * parameter {@code helios.junit.failingSeedsDir} sets another directory (for example in
 * {@code junit-platform.properties}).
 *
 * <p><b>Failure report.</b> A failing invocation fails with a {@link SimulationTestFailure} whose
 * message is the original message followed by the seed, the failing-seeds file, the command that
 * replays the simulation through its generated main ({@code java -cp <test classpath>
 * dev.helios.examples.kv.ReplicatedKvMain --seed 17}, when {@link #simulation()} is set), and the
 * last 20 trace events of the injected simulation. Its cause is the original failure. The seed of
 * each invocation is also published as the JUnit report entry {@code seed}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(SimulationTestExtension.class)
public @interface SimulationTest {
  /**
   * The seeds to run: a range {@code A..B} (both included, {@code A <= B}), seeds separated by
   * commas, or a mix: {@code "0..999"}, {@code "1,5,9"}, {@code "0..9,42"}. A seed named twice runs
   * once.
   */
  String seeds() default "0..99";

  /**
   * The simulation a {@link dev.helios.runtime.Simulation} parameter is built from: the
   * {@code @SimulationMain} class (e.g. {@code ReplicatedKv.class}) or its generated main
   * ({@code ReplicatedKvMain.class}), or any class implementing {@link
   * dev.helios.runtime.SimulationSource}. Also gives the failure report its replay command.
   * Needed only for those; unset by default.
   */
  Class<?> simulation() default void.class;
}
