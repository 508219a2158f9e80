package dev.helios.examples.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helios.examples.kv.ReplicatedKv;
import dev.helios.runtime.RunResult;
import dev.helios.runtime.Simulation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Numbers, printed and not asserted (a loaded CI machine is no place for speed limits): how fast
 * the ReplicatedKv runs in Chromium's wasm and on this JVM, how long the page takes to become ready,
 * and how big helios.wasm is. Every line starts with {@code [browser-measurements]}; read them from
 * the test output or {@code target/surefire-reports/*BrowserMeasurementsTest-output.txt}.
 * What is asserted is that the numbers are real: both sides ran the same events.
 */
class BrowserMeasurementsTest extends InBrowser {
  static final String PREFIX = "[browser-measurements] ";
  static final String KV = "dev.helios.examples.kv.ReplicatedKv";
  /** Timed seeds 0 to 99; warm-up seeds 1000 to 1039. */
  static final int SEEDS = 100;
  static final int WARMUP_FROM = 1000;
  static final int WARMUP_SEEDS = 40;


  static void print(String line) {
    System.out.println(PREFIX + line);
  }

  @Test
  @SuppressWarnings("unchecked")
  void eventsPerSecondOfTheReplicatedKvInChromiumAndOnTheJvm() {
    browser.open("");
    browser.waitForApi();
    // Each run as the page runs it: open, step to the end, close. Warm-up first, untimed.
    Map<String, Object> chromium = (Map<String, Object>) browser.js("""
        const api = window.heliosPage.api, name = arguments[0];
        const runAll = (from, count) => {
          let events = 0;
          for (let seed = from; seed < from + count; seed++) {
            let state = JSON.parse(api.open(name, String(seed), '', '', 0, ''));
            if (!state.ok) throw new Error('open seed ' + seed + ': ' + state.error);
            const session = state.session;
            while (state.ok && !state.done) state = JSON.parse(api.step(session, 1e9 | 0));
            if (!state.ok) throw new Error('step seed ' + seed + ': ' + state.error);
            events += state.eventCount;
            api.close(session);
          }
          return events;
        };
        runAll(arguments[1], arguments[2]);
        const start = performance.now();
        const events = runAll(0, arguments[3]);
        return { events, millis: performance.now() - start };""", KV, WARMUP_FROM, WARMUP_SEEDS, SEEDS);
    long chromiumEvents = ((Number) chromium.get("events")).longValue();
    double chromiumMillis = ((Number) chromium.get("millis")).doubleValue();

    for (int seed = WARMUP_FROM; seed < WARMUP_FROM + WARMUP_SEEDS; seed++) {
      ReplicatedKv.build(seed).run();
    }
    long jvmEvents = 0;
    long start = System.nanoTime();
    for (int seed = 0; seed < SEEDS; seed++) {
      Simulation sim = ReplicatedKv.build(seed);
      RunResult result = sim.run();
      assertTrue(result.stopReason() != null, "seed " + seed);
      jvmEvents += sim.eventCount();
    }
    double jvmMillis = (System.nanoTime() - start) / 1e6;

    assertTrue(chromiumEvents > 0 && chromiumMillis > 0, "Chromium ran nothing: " + chromium);
    assertEquals(jvmEvents, chromiumEvents, "the same seeds ran a different number of events in Chromium and on the JVM");
    double chromiumRate = chromiumEvents / (chromiumMillis / 1000);
    double jvmRate = jvmEvents / (jvmMillis / 1000);
    print(String.format(Locale.ROOT, "ReplicatedKv seeds 0..%d, %d events each side (after %d warm-up seeds); "
        + "Chromium %.1f ms through heliosPage.api (recording, as the page runs), JVM %.1f ms with build(seed).run()",
        SEEDS - 1, jvmEvents, WARMUP_SEEDS, chromiumMillis, jvmMillis));
    print(String.format(Locale.ROOT, "events/s: chromium %.0f, jvm %.0f, ratio %.2f (jvm/chromium)",
        chromiumRate, jvmRate, jvmRate / chromiumRate));
  }

  @Test
  @SuppressWarnings("unchecked")
  void pageLoadTimeAndWasmSize() throws IOException {
    Path wasm = BrowserSupport.siteDir().resolve("helios.wasm");
    long size = Files.size(wasm);
    byte[] magic = new byte[4];
    try (InputStream in = Files.newInputStream(wasm)) {
      assertEquals(4, in.readNBytes(magic, 0, 4));
    }
    assertArrayEquals(new byte[] {0, 'a', 's', 'm'}, magic, "helios.wasm does not start with \\0asm");
    print(String.format(Locale.ROOT, "helios.wasm: %d bytes (%.1f KiB)", size, size / 1024.0));

    List<Double> readyTimes = new ArrayList<>();
    for (int load = 1; load <= 3; load++) {
      browser.openAndWait("", "ready");
      // The probe noted performance.now() (ms since navigation start) when data-state became "ready".
      Map<String, Object> timing = (Map<String, Object>) browser.js("""
          const p = window.__heliosProbe;
          const ready = p.states.find(s => s[0] === 'ready');
          const nav = performance.getEntriesByType('navigation')[0];
          const wasm = performance.getEntriesByType('resource').find(r => r.name.endsWith('/helios.wasm'));
          return { ready: ready ? ready[1] : null, domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
                   wasmFetched: wasm ? wasm.responseEnd : null, wasmBytes: wasm ? wasm.encodedBodySize : null };""");
      assertTrue(timing.get("ready") != null, "the probe saw no data-state=ready: " + timing + "\n" + browser.diagnostics());
      double ready = ((Number) timing.get("ready")).doubleValue();
      assertTrue(ready > 0, "ready at " + ready + " ms");
      readyTimes.add(ready);
      print(String.format(Locale.ROOT, "page load %d: data-state=ready %.1f ms after navigation start"
          + " (DOMContentLoaded %s ms, helios.wasm fetched by %s ms, %s bytes over the wire)",
          load, ready, round(timing.get("domContentLoaded")), round(timing.get("wasmFetched")), timing.get("wasmBytes")));
    }
    List<Double> sorted = new ArrayList<>(readyTimes);
    sorted.sort(null);
    print(String.format(Locale.ROOT, "page load time (navigation start to data-state=ready): first %.1f ms, median of 3 %.1f ms",
        readyTimes.get(0), sorted.get(1)));
  }

  /**
   * A run of more than 100,000 trace events (the Heartbeats example) loads, draws and stays
   * interactive: the page only draws what is visible. Asserted: it ran them all and the page
   * answers a zoom, a step back and a hover afterwards; printed: how long each took to draw.
   */
  @Test
  @SuppressWarnings("unchecked")
  void aRunOfAHundredThousandEventsStaysResponsive() {
    long startNanos = System.nanoTime();
    browser.open(Browser.query("sim", "Heartbeats", "seed", "3") + "&run");
    browser.waitForState(java.time.Duration.ofSeconds(60), "done");
    double loadSeconds = (System.nanoTime() - startNanos) / 1e9;
    long events = Long.parseLong(browser.text("#event-count").trim());
    assertTrue(events > 100_000, "Heartbeats seed 3 should record over 100,000 trace events, got " + events);
    double fullView = ((Number) browser.js("return window.heliosPage.lastDrawMs();")).doubleValue();
    browser.click("#zoom-in");
    browser.click("#zoom-in");
    browser.click("#zoom-in");
    Map<String, Object> zoomed = (Map<String, Object>) browser.js("""
        return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() =>
            done({ draw: window.heliosPage.lastDrawMs(), step: window.heliosPage.state().step }))));""");
    long lastStep = ((Number) zoomed.get("step")).longValue();
    browser.click("#back-button");
    browser.waitFor("window.heliosPage.state().step === " + (lastStep - 1), java.time.Duration.ofSeconds(10),
        "a step back from the end of a 100,000-event run");
    org.openqa.selenium.WebElement canvas = browser.element("#diagram canvas");
    new org.openqa.selenium.interactions.Actions(browser.driver()).moveToElement(canvas, 0, 0).perform();
    print(String.format(Locale.ROOT, "Heartbeats seed 3: %d trace events, %d steps, loaded and run to the end in %.1f s;"
        + " draw of the whole run %.1f ms, zoomed in %.1f ms",
        events, lastStep, loadSeconds, fullView, ((Number) zoomed.get("draw")).doubleValue()));
    assertEquals(List.of(), browser.takeUncaughtErrors(), "uncaught errors on the page");
  }

  private static String round(Object millis) {
    return millis == null ? "?" : String.format(Locale.ROOT, "%.1f", ((Number) millis).doubleValue());
  }
}
