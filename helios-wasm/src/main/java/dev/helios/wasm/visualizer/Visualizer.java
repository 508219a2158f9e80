package dev.helios.wasm.visualizer;

import dev.helios.runtime.SimulationSource;
import org.teavm.jso.JSExport;

/**
 * The browser visualizer's entry point, compiled by TeaVM: its exported methods are what the page
 * ({@code helios.js}) calls, each answering with a JSON string (see {@link Bridge}). It serves every
 * simulation whose {@code @SimulationMain} class is on the class path, found through the services
 * file the processor writes, so a user's simulation needs no code here: see docs/WASM_GUIDE.md.
 *
 * <p>Only {@code int}, {@code double} and {@code String} cross to JavaScript (a {@code long} would
 * arrive as a BigInt): seeds travel as decimal text, times as doubles of µs.
 */
public final class Visualizer {
  private static Bridge bridge;

  private Visualizer() {}

  private static Bridge bridge() {
    if (bridge == null) {
      bridge = new Bridge(SimulationSource.all());
    }
    return bridge;
  }

  /** Nothing to do at load: the page calls the exported methods. */
  public static void main(String[] args) {
    bridge();
  }

  @JSExport
  public static String simulations() {
    return bridge().simulations();
  }

  @JSExport
  public static String open(String name, String seed, String runSeed, String faults, int faultsGiven, String until) {
    return bridge().open(name, seed, runSeed, faults, faultsGiven != 0, until);
  }

  @JSExport
  public static String step(int session, int steps) {
    return bridge().step(session, steps);
  }

  @JSExport
  public static String runUntil(int session, double timeMicros) {
    return bridge().runUntil(session, timeMicros);
  }

  @JSExport
  public static String seek(int session, double step) {
    return bridge().seek(session, step);
  }

  @JSExport
  public static String apply(int session, String fault) {
    return bridge().apply(session, fault);
  }

  @JSExport
  public static String fork(int session) {
    return bridge().fork(session);
  }

  @JSExport
  public static String close(int session) {
    return bridge().close(session);
  }

  @JSExport
  public static String state(int session) {
    return bridge().state(session);
  }

  @JSExport
  public static String events(int session, int from) {
    return bridge().events(session, from);
  }

  @JSExport
  public static String nodes(int session) {
    return bridge().nodes(session);
  }

  @JSExport
  public static String jsonLines(int session) {
    return bridge().jsonLines(session);
  }

  @JSExport
  public static String chromeTrace(int session) {
    return bridge().chromeTrace(session);
  }

  @JSExport
  public static int diverge(int a, int b) {
    return bridge().diverge(a, b);
  }
}
