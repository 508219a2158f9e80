package dev.helios.examples.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.helios.examples.Quickstart;
import dev.helios.examples.kv.ReplicatedKv;
import dev.helios.runtime.Simulation;
import dev.helios.runtime.trace.TraceFormats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The visualizer page as a user drives it, by its DOM contract: stepping, stepping back, running to
 * the end, resetting with another seed, faults from the controls (which the link then carries), a
 * fork side by side with its divergence, the inspector, a checked-scenario link with its violation,
 * and bad input. Screenshots go to {@code target/browser-screenshots/}.
 */
class VisualizerPageTest extends InBrowser {
  /** The quick start's trace hash at seed 42 (the seed's documented demo). */
  static final String QUICKSTART_42 = "73eed6afe185ea84";
  /** The checked scenario {@code ?sim=Quickstart&seed=7&faults=crash 1 @ 50ms}: node 0 loses node 1's reply. */
  static final String QUICKSTART_7_CRASH = "399cce46877ec33e";

  static final List<String> CONTRACT_IDS = List.of(
      "#error", "#trace-hash", "#violation", "#status", "#event-count",
      "#sim-select", "#seed-input", "#faults-input", "#until-input", "#reset-button", "#run-button", "#pause-button",
      "#step-button", "#back-button", "#run-to-input", "#run-to-button", "#scrubber", "#fault-node", "#fault-peer",
      "#crash-button", "#restart-button", "#partition-button", "#heal-button", "#isolate-button", "#heal-all-button",
      "#fork-button", "#branch-pane", "#divergence", "#inspector", "#download-jsonl", "#download-perfetto",
      "#copy-link", "#diagram", "#event-details");

  private static final Pattern NUMBER = Pattern.compile("\\d+");


  /** No test may leave an uncaught error in the page behind it. */
  @AfterEach
  void noUncaughtErrors(TestInfo test) {
    if (browser == null) {
      return; // skipped: no browser here
    }
    assertEquals(List.of(), browser.takeUncaughtErrors(), "uncaught errors in the page during " + test.getDisplayName());
  }

  static String jvmHash(Simulation sim) {
    sim.run();
    return TraceFormats.hex(sim.traceHash());
  }

  /** The first integer in {@code #event-count}. */
  long eventCount() {
    String text = browser.text("#event-count");
    Matcher number = NUMBER.matcher(text.replace(",", "").replace("\u202f", "").replace("\u00a0", ""));
    if (!number.find()) {
      return fail("#event-count shows no number: \"" + text + "\"\n" + browser.diagnostics());
    }
    return Long.parseLong(number.group());
  }

  /** The {@code faults} parameter of the page's current URL ("" if none). */
  String urlFaults() {
    Object faults = browser.js("return new URL(location.href).searchParams.get('faults') || '';");
    return faults.toString();
  }

  /** The trace of the session the controls act on, through the bridge, as "kind detail" strings. */
  List<String> traceKindsAndDetails() {
    return traceKindsAndDetails(browser.js("return heliosPage.session();"));
  }

  /** The trace of session {@code session}, through the bridge, as "kind detail" strings. */
  @SuppressWarnings("unchecked")
  List<String> traceKindsAndDetails(Object session) {
    Object events = browser.js("""
        const answer = JSON.parse(heliosPage.api.events(arguments[0], 0));
        if (!answer.ok) return 'error: ' + answer.error;
        return answer.events.map(e => e[1] + ' ' + (e[6] === null ? '' : e[6]));""", session);
    if (!(events instanceof List)) {
      return fail("heliosPage.api.events(" + session + ", 0) failed: " + events);
    }
    return (List<String>) events;
  }

  /** The branch's trace as the page loaded it ({@code heliosPage.events()} after a fork), as "kind detail" strings. */
  @SuppressWarnings("unchecked")
  List<String> branchEvents() {
    return (List<String>) browser.js("return heliosPage.events().map(e => e[1] + ' ' + (e[6] === null ? '' : e[6]));");
  }

  /** Waits until {@code #event-count} is not {@code before}; returns the new count. */
  long waitForEventCountChange(long before, String after) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      long now = eventCount();
      if (now != before) {
        return now;
      }
      Browser.sleep(25);
    }
    return fail("#event-count stayed " + before + " after " + after + "\n" + browser.diagnostics());
  }

  @Test
  void everyElementOfTheContractIsOnThePage() {
    browser.openAndWait(Browser.query("sim", "Quickstart", "seed", "42"), "ready");
    List<String> missing = new ArrayList<>();
    for (String id : CONTRACT_IDS) {
      if (!browser.has(id)) {
        missing.add(id);
      }
    }
    assertEquals(List.of(), missing, "elements of the DOM contract missing from the page");
    assertEquals("", browser.text("#error"), "a good link shows no error");
    Object page = browser.js("const p = window.heliosPage; return p && typeof p.session === 'function' && typeof p.state === 'function'"
        + " && typeof p.events === 'function' && typeof p.api === 'object';");
    assertEquals(Boolean.TRUE, page, "window.heliosPage has api, session(), state() and events()");
    // The sim select offers both simulations of the examples.
    Object options = browser.js("return [...document.querySelectorAll('#sim-select option')].map(o => o.value + ' ' + o.textContent).join('|');");
    assertTrue(options.toString().contains("Quickstart") && options.toString().contains("ReplicatedKv"),
        "#sim-select options: " + options);
  }

  @Test
  void stepStepBackAndRunToTheEnd() {
    browser.openAndWait("seed=42", "ready"); // the first simulation of the site: the quick start
    long atLoad = eventCount();
    String statusAtLoad = browser.text("#status");

    browser.click("#step-button");
    long afterOne = waitForEventCountChange(atLoad, "the first step");
    assertTrue(afterOne > atLoad, "a step should add events: " + atLoad + " -> " + afterOne);
    browser.waitFor("document.querySelector('#status').textContent.trim() !== " + jsString(statusAtLoad),
        Browser.LOAD, "#status to change after a step (it was \"" + statusAtLoad + "\")");
    browser.click("#step-button");
    long afterTwo = waitForEventCountChange(afterOne, "the second step");
    assertTrue(afterTwo > afterOne, "the second step should add events: " + afterOne + " -> " + afterTwo);

    long stepTwo = ((Number) browser.js("return heliosPage.state().step;")).longValue();

    browser.click("#back-button");
    long back = waitForEventCountChange(afterTwo, "back");
    assertEquals(afterOne, back, "back should return to where the first step left the run");

    browser.click("#run-button");
    browser.waitForState(Browser.LOAD, "done");
    assertEquals(QUICKSTART_42, browser.text("#trace-hash"), "seed 42's trace hash\n" + browser.diagnostics());
    assertEquals(jvmHash(Quickstart.build(42)), browser.text("#trace-hash"), "the JVM's trace hash for seed 42");
    assertTrue(eventCount() > afterTwo, "the run should have loaded every event");
    assertEquals("", browser.text("#violation"), "a run without faults violates nothing");
    browser.fullPageScreenshot("finished-run-quickstart-seed-42");

    // The timeline goes back to any step seen: the second step's, with its events.
    long atEnd = eventCount();
    browser.js("const s = document.querySelector('#scrubber'); s.value = String(arguments[0]);"
        + " s.dispatchEvent(new Event('input', {bubbles: true})); s.dispatchEvent(new Event('change', {bubbles: true}));", stepTwo);
    long scrubbed = waitForEventCountChange(atEnd, "moving the scrubber to step " + stepTwo);
    assertEquals(afterTwo, scrubbed, "the scrubber at step " + stepTwo + " should show the second step's events");
    browser.waitForState(Browser.LOAD, "paused");
    assertEquals("", browser.text("#trace-hash"), "a run moved back from its end is not done: no trace hash");
  }

  @Test
  void pauseStopsARunBeforeItsEnd() {
    browser.openAndWait(Browser.query("sim", "ReplicatedKv", "seed", "4"), "ready");
    // Run and pause in one script: the run starts on the next frame, so the pause comes first.
    browser.js("document.querySelector('#run-button').click(); document.querySelector('#pause-button').click();");
    browser.waitForState(Browser.LOAD, "paused", "ready");
    Object done = browser.js("return heliosPage.state().done;");
    assertEquals(Boolean.FALSE, done, "a paused run is not at its end\n" + browser.diagnostics());
    assertEquals("", browser.text("#trace-hash"), "no trace hash before the end");
    browser.click("#run-button");
    browser.waitForState(Browser.LOAD, "done");
    assertEquals(jvmHash(ReplicatedKv.build(4)), browser.text("#trace-hash"), "a paused and resumed run is the same run");
  }

  @Test
  void resetWithAnotherSeedRunsThatSeed() {
    browser.openAndWait(Browser.query("sim", "Quickstart", "seed", "42", "run", null), "done");
    assertEquals(QUICKSTART_42, browser.text("#trace-hash"));

    browser.type("#seed-input", "5");
    browser.click("#reset-button");
    browser.waitForState(Browser.LOAD, "ready", "paused");
    browser.click("#run-button");
    browser.waitForState(Browser.LOAD, "done");
    String hash = browser.text("#trace-hash");
    assertNotEquals(QUICKSTART_42, hash, "the reset should have changed the seed");
    assertEquals(jvmHash(Quickstart.build(5)), hash, "seed 5's trace hash, as the JVM computes it");
    assertEquals("5", browser.js("return new URL(location.href).searchParams.get('seed');"), "the link should carry the new seed");
  }

  @Test
  void crashAndPartitionFromTheControlsAreInTheTraceAndInTheLink() {
    browser.openAndWait(Browser.query("sim", "Quickstart", "seed", "42"), "ready");
    for (int i = 0; i < 3; i++) {
      long before = eventCount();
      browser.click("#step-button");
      waitForEventCountChange(before, "step " + (i + 1));
    }
    browser.select("#fault-node", "1");
    browser.click("#crash-button");
    browser.waitFor("new URL(location.href).searchParams.get('faults')", Browser.LOAD, "the link to carry the crash");
    assertTrue(urlFaults().contains("crash 1"), "the link's faults parameter after the crash: \"" + urlFaults() + "\"");
    assertTrue(traceKindsAndDetails().stream().anyMatch(e -> e.startsWith("fault") && e.contains("crash 1")),
        "the trace should hold the crash: " + traceKindsAndDetails());
    browser.waitFor("document.querySelector('#inspector .node-state[data-node=\"1\"]')", Browser.LOAD, "node 1 in the inspector");

    browser.select("#fault-node", "0");
    browser.select("#fault-peer", "2");
    browser.click("#partition-button");
    browser.waitFor("(new URL(location.href).searchParams.get('faults') || '').includes('partition 0-2')", Browser.LOAD,
        "the link to carry the partition");
    assertTrue(traceKindsAndDetails().stream().anyMatch(e -> e.startsWith("fault") && e.contains("partition 0-2")),
        "the trace should hold the partition: " + traceKindsAndDetails());

    browser.click("#run-button");
    browser.waitForState(Browser.LOAD, "done");
    String hash = browser.text("#trace-hash");
    assertTrue(hash.matches("[0-9a-f]{16}"), "#trace-hash \"" + hash + "\"");
    assertNotEquals(QUICKSTART_42, hash, "the faults should have changed the run");

    // The link is the run: loading it (and running it) gives the same trace hash.
    String link = browser.js("const u = new URL(location.href); u.searchParams.set('run', ''); return u.href;").toString();
    browser.openUrl(link);
    browser.waitForState(Browser.LOAD, "done");
    assertEquals(hash, browser.text("#trace-hash"), "the link " + link + " should reproduce the run");
  }

  @Test
  void aForkRunsSideBySideAndShowsWhereItDiverges() {
    browser.openAndWait(Browser.query("sim", "Quickstart", "seed", "42"), "ready");
    for (int i = 0; i < 3; i++) {
      long before = eventCount();
      browser.click("#step-button");
      waitForEventCountChange(before, "step " + (i + 1));
    }
    Object parent = browser.js("return heliosPage.session();");
    browser.click("#fork-button");
    browser.waitFor("(() => { const b = document.querySelector('#branch-pane'); return b && b.getClientRects().length > 0; })()",
        Browser.LOAD, "#branch-pane to be visible after the fork");
    browser.waitFor("heliosPage.session() !== " + parent, Browser.LOAD, "the branch to be the page's session");

    // A fault in the branch only (after a fork the controls act on the branch): crash node 1 there.
    browser.select("#fault-node", "1");
    browser.click("#crash-button");
    assertTrue(branchEvents().stream().anyMatch(e -> e.startsWith("fault") && e.contains("crash 1")),
        "the branch's trace should hold the crash: " + branchEvents());
    assertTrue(traceKindsAndDetails(parent).stream().noneMatch(e -> e.startsWith("fault")),
        "the original run should have no fault: " + traceKindsAndDetails(parent));
    // Run both to their ends: the page's "Run both to the end" button (#run-both-button; the contract
    // names no control for it).
    browser.click("#run-both-button");
    browser.waitFor("heliosPage.original.state().done && heliosPage.branch.state().done && !heliosPage.running()",
        Browser.LOAD, "both runs to end");
    browser.waitForState(Browser.LOAD, "done");
    browser.waitFor("/^(first difference at event #|no difference)/.test(document.querySelector('#divergence').textContent.trim())",
        Browser.LOAD, "#divergence to say where the runs differ");
    String divergence = browser.text("#divergence");
    assertTrue(divergence.startsWith("first difference at event #"), "a crash in the branch makes the runs differ: \"" + divergence + "\"");
    assertTrue(browser.visible("#divergence"), "#divergence is not visible");
    // Both panes show their run; their trace hashes differ.
    Object hashes = browser.js("return [heliosPage.original.state().traceHash, heliosPage.branch.state().traceHash];");
    assertEquals(2, ((List<?>) hashes).size());
    assertNotEquals(((List<?>) hashes).get(0), ((List<?>) hashes).get(1), "the branch with a crash has the original's trace hash");
    assertEquals(QUICKSTART_42, ((List<?>) hashes).get(0), "forking must not change the original run");
    browser.screenshot("fork-side-by-side", ".panes");
  }

  @Test
  void theInspectorShowsEveryNode() {
    browser.openAndWait(Browser.query("sim", "ReplicatedKv", "seed", "3"), "ready");
    long before = eventCount();
    // Run to 120 ms: the ReplicatedKv crashes backup 1 at 60 ms and restarts it at 140 ms.
    browser.type("#run-to-input", "120");
    browser.click("#run-to-button");
    waitForEventCountChange(before, "run to 120 ms");
    Object now = browser.js("return heliosPage.state().nowMicros;");
    assertTrue(((Number) now).longValue() <= 120_000 && ((Number) now).longValue() > 60_000, "run to 120 ms stopped at " + now + " µs");
    assertEquals(List.of(1L), browser.js("return heliosPage.state().crashed;"), "at 120 ms backup 1 is crashed");
    browser.waitFor("document.querySelectorAll('#inspector .node-state').length === 4", Browser.LOAD, "four nodes in the inspector");
    Object nodes = browser.js("return [...document.querySelectorAll('#inspector .node-state')].map(n => n.getAttribute('data-node')).join(',');");
    assertEquals("0,1,2,3", nodes, "one .node-state per node of the ReplicatedKv");
    for (int node = 0; node < 4; node++) {
      assertTrue(!browser.text("#inspector .node-state[data-node=\"" + node + "\"]").isEmpty(), "node " + node + "'s state is empty");
    }
    browser.screenshot("inspector-replicated-kv", "#inspector");

    browser.openAndWait(Browser.query("sim", "Quickstart", "seed", "42"), "ready");
    nodes = browser.js("return [...document.querySelectorAll('#inspector .node-state')].map(n => n.getAttribute('data-node')).join(',');");
    assertEquals("0,1,2", nodes, "one .node-state per node of the quick start");
  }

  @Test
  void aCheckedScenarioLinkShowsItsViolation() {
    browser.openAndWait("sim=Quickstart&seed=7&faults=crash%201%20%40%2050ms&run", "done");
    assertEquals(QUICKSTART_7_CRASH, browser.text("#trace-hash"), browser.diagnostics());
    String violation = browser.text("#violation");
    assertTrue(violation.contains("liveness"), "#violation should name the failed check: \"" + violation + "\"");
    assertTrue(browser.visible("#violation"), "#violation is not visible");
    browser.screenshot("violation-quickstart-seed-7-crash-1", null);
  }

  /** The replay line an explorer prints, pasted, opens the same checked scenario as its link. */
  @Test
  void aPastedReplayCommandLineOpensThatRun() {
    browser.openAndWait("sim=Quickstart&seed=1", "ready");
    browser.type("#cli-input", "QuickstartMain --seed 7 --faults \"crash 1 @ 50ms\"");
    browser.click("#cli-open");
    browser.waitFor("document.body.dataset.state === 'done' && heliosPage.state().buildSeed === '7'",
        java.time.Duration.ofSeconds(20), "the pasted run to end");
    assertEquals(QUICKSTART_7_CRASH, browser.text("#trace-hash"), browser.diagnostics());
    assertTrue(browser.text("#violation").contains("liveness"), browser.text("#violation"));
  }

  @Test
  void badInputShowsAnErrorNotABlankPage() {
    browser.openAndWait("seed=abc", "error");
    String error = browser.text("#error");
    assertTrue(error.contains("abc"), "#error should name the bad value: \"" + error + "\"");
    assertTrue(browser.visible("#error"), "#error is not visible");
    assertTrue(browser.visible("#sim-select") && browser.visible("#seed-input"), "the controls should stay usable");
    browser.screenshot("error-bad-seed", null);

    // And the controls recover from it: a good seed and reset make a runnable page again.
    browser.type("#seed-input", "42");
    browser.click("#reset-button");
    browser.waitForState(Browser.LOAD, "ready", "paused");
    assertEquals("", browser.text("#error"), "the error should be gone after a good reset");
  }

  @Test
  void theReplicatedKvRunsToTheJvmsHashFromALink() {
    browser.openAndWait(Browser.query("sim", "dev.helios.examples.kv.ReplicatedKv", "seed", "9", "run", null), "done");
    assertEquals(jvmHash(ReplicatedKv.build(9)), browser.text("#trace-hash"), browser.diagnostics());
  }

  /**
   * Both downloads hand over the whole trace: JSON Lines with one parsable object per trace line,
   * and a Chrome trace whose traceEvents Perfetto reads. The page's anchor click is caught, and the
   * blob it points at is read back.
   */
  @Test
  @SuppressWarnings("unchecked")
  void theDownloadsHoldTheWholeTrace() {
    browser.openAndWait("?seed=42&run", "done");
    long lines = eventCount();
    browser.js("""
        window.__downloads = [];
        const blobs = new Map();
        const createObjectURL = URL.createObjectURL;
        URL.createObjectURL = blob => {
          const url = createObjectURL.call(URL, blob);
          blobs.set(url, blob);
          return url;
        };
        HTMLAnchorElement.prototype.click = function () {
          window.__downloads.push({ name: this.download, blob: blobs.get(this.href) });
        };""");
    browser.click("#download-jsonl");
    browser.click("#download-perfetto");
    browser.waitFor("window.__downloads.length === 2", java.time.Duration.ofSeconds(5), "two downloads");
    Map<String, Object> files = (Map<String, Object>) browser.jsAsync("""
        const done = arguments[arguments.length - 1];
        Promise.all(window.__downloads.map(d => d.blob.text().then(text => [d.name, text])))
            .then(pairs => done(Object.fromEntries(pairs)), e => done({ error: String(e) }));""");
    String jsonl = (String) files.get("trace.jsonl");
    String chrome = (String) files.get("trace.perfetto.json");
    assertTrue(jsonl != null && chrome != null, "downloads: " + files.keySet());
    List<String> jsonLines = jsonl.lines().toList();
    assertEquals(lines, jsonLines.size(), "one JSON line per trace line");
    assertEquals(jsonLines.size(), ((Number) browser.js(
        "return arguments[0].filter(l => { try { return typeof JSON.parse(l) === 'object'; } catch (e) { return false; } }).length;",
        jsonLines)).intValue(), "every line is a JSON object");
    Object traceEvents = browser.js("const t = JSON.parse(arguments[0]); return Array.isArray(t.traceEvents) ? t.traceEvents.length : -1;", chrome);
    assertTrue(((Number) traceEvents).intValue() > 0, "the Chrome trace has traceEvents: " + chrome.substring(0, Math.min(200, chrome.length())));
  }

  private static String jsString(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
  }
}
