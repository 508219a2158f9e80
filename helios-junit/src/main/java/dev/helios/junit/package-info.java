/**
 * JUnit 5 integration for Helios: {@link dev.helios.junit.SimulationTest} runs a test method once
 * per seed and keeps the seeds that fail, to run them first next time; {@link
 * dev.helios.junit.HeliosAssertions#assertDeterministic} runs a seed twice and forked and names the
 * first diverging event.
 */
package dev.helios.junit;
