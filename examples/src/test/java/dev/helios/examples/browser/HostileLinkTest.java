package dev.helios.examples.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.helios.runtime.fault.ScheduledFault;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnhandledAlertException;

/**
 * A link is input from anyone: the visualizer's parameters (seed, faults, sim, until) carrying
 * markup must come back as text, in {@code #error}, and never as elements or script. Each link is
 * loaded for real; the probe of {@link Browser} sees every img/script/svg/iframe/object/embed
 * element added during the load, uncaught errors and dialogs.
 */
class HostileLinkTest extends InBrowser {
  static final List<String> PAYLOADS = List.of(
      "<img src=x onerror=\"window.__pwned=1\">",
      "<script>window.__pwned=2</script>",
      "\"><svg onload=window.__pwned=3>",
      "<img src=x onerror=\"window.__pwned=4;alert(4)\">");
  static final List<String> PARAMETERS = List.of("seed", "faults", "sim", "until");

  /** What the page holds after a load, for the checks: elements that markup would have made. */
  private static final String INSPECT = """
      const all = [...document.querySelectorAll('*')];
      const markedAttribute = all.filter(e => [...e.attributes].some(a => /pwned|onerror|onload/i.test(a.name + '=' + a.value)))
        .map(e => e.outerHTML.slice(0, 200));
      const markedScript = [...document.querySelectorAll('script')].filter(s => s.textContent.includes('__pwned')).map(s => s.outerHTML.slice(0, 200));
      const error = document.querySelector('#error');
      return {
        pwned: typeof window.__pwned === 'undefined' ? null : String(window.__pwned),
        counts: ['img', 'script', 'svg', 'iframe', 'object', 'embed'].map(t => t + '=' + document.getElementsByTagName(t).length).join(' '),
        marked: markedAttribute.concat(markedScript),
        errorText: error ? error.textContent : null,
        errorElements: error ? [...error.querySelectorAll('img,script,svg,iframe,object,embed')].map(e => e.outerHTML.slice(0, 200)) : [],
        errorVisible: !!error && error.getClientRects().length > 0 && getComputedStyle(error).visibility !== 'hidden'
      };""";

  /** Element counts on a page that shows an ordinary error, to compare the hostile ones with. */
  private String baselineCounts;


  /**
   * Loads {@code query}, waits for one of {@code states} and returns the page's {@link #INSPECT}
   * answer, plus "dialogs": the text of every dialog that opened (each dismissed, to go on).
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> load(String query, String... states) {
    List<String> dialogs = new ArrayList<>();
    for (int attempt = 0; attempt < 10; attempt++) {
      try {
        if (attempt == 0) {
          browser.open(query);
        }
        browser.waitForState(Browser.LOAD, states);
        Browser.sleep(150); // a handler injected by the error message would have run by now (img onerror fires on the failed load)
        Map<String, Object> page = new HashMap<>((Map<String, Object>) browser.js(INSPECT));
        String dialog = openDialog();
        if (dialog != null) {
          dialogs.add(dialog);
          continue;
        }
        page.put("dialogs", dialogs);
        return page;
      } catch (UnhandledAlertException e) {
        String dialog = openDialog();
        dialogs.add(dialog == null ? "(a dialog that closed)" : dialog);
      }
    }
    return fail("dialogs keep opening on " + browser.url(query) + ": " + dialogs);
  }

  /** The text of the open dialog, which this dismisses; null if none is open. */
  private String openDialog() {
    try {
      Alert alert = browser.driver().switchTo().alert();
      String text = alert.getText();
      alert.dismiss();
      return text;
    } catch (NoAlertPresentException e) {
      return null;
    }
  }

  private String baselineCounts() {
    if (baselineCounts == null) {
      Map<String, Object> page = load(Browser.query("sim", "Quickstart", "seed", "abc", "run", null), "error");
      baselineCounts = (String) page.get("counts");
    }
    return baselineCounts;
  }

  @Test
  @SuppressWarnings("unchecked")
  void markupInAnyParameterIsShownAsTextInTheErrorAndNeverRuns() {
    String baseline = baselineCounts();
    List<String> problems = new ArrayList<>();
    List<String> baselineErrors = browser.takeUncaughtErrors();
    if (!baselineErrors.isEmpty()) {
      problems.add("an ordinary error page (seed=abc): uncaught errors: " + baselineErrors);
    }
    int links = 0;
    for (String parameter : PARAMETERS) {
      for (String payload : PAYLOADS) {
        links++;
        List<String> pairs = new ArrayList<>(List.of("sim", "Quickstart", "seed", "7"));
        if (parameter.equals("sim") || parameter.equals("seed")) {
          pairs.set(parameter.equals("sim") ? 1 : 3, payload);
        } else {
          pairs.addAll(List.of(parameter, payload));
        }
        pairs.addAll(Arrays.asList("run", null));
        String query = Browser.query(pairs.toArray(new String[0]));
        Map<String, Object> page = load(query, "error");
        String where = parameter + "=" + payload + " (" + browser.url(query) + "): ";
        if (page.get("pwned") != null) {
          problems.add(where + "window.__pwned = " + page.get("pwned"));
        }
        if (!((List<?>) page.get("marked")).isEmpty()) {
          problems.add(where + "elements made from the payload: " + page.get("marked"));
        }
        if (!baseline.equals(page.get("counts"))) {
          problems.add(where + "element counts " + page.get("counts") + ", an ordinary error page has " + baseline);
        }
        List<String> added = browser.probe("added").stream().filter(a -> a.contains("pwned")).toList();
        if (!added.isEmpty()) {
          problems.add(where + "elements were added from the payload during the load: " + added);
        }
        List<String> dialogs = new ArrayList<>((List<String>) page.get("dialogs"));
        dialogs.addAll(browser.probe("dialogs"));
        if (!dialogs.isEmpty()) {
          problems.add(where + "dialogs opened: " + dialogs);
        }
        List<String> uncaught = browser.takeUncaughtErrors();
        if (!uncaught.isEmpty()) {
          problems.add(where + "uncaught errors: " + uncaught);
        }
        List<String> loads = browser.probe("resources");
        if (!loads.isEmpty()) {
          problems.add(where + "failed loads (an injected img src=x?): " + loads);
        }
        String error = (String) page.get("errorText");
        // A fault script is split at ";", and the parser quotes the statement it could not read.
        String shown = parameter.equals("faults") ? payload.split(";")[0].strip() : payload;
        if (error == null || !error.contains(shown)) {
          problems.add(where + "#error does not show the raw text; it is " + (error == null ? "absent" : "\"" + error + "\""));
        }
        if (!((List<?>) page.get("errorElements")).isEmpty()) {
          problems.add(where + "#error holds elements: " + page.get("errorElements"));
        }
        if (!Boolean.TRUE.equals(page.get("errorVisible"))) {
          problems.add(where + "#error is not visible");
        }
      }
    }
    assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert(), "a dialog is open");
    System.out.println("[hostile] " + links + " links (" + PARAMETERS + " x " + PAYLOADS.size() + " payloads); problems: " + problems.size());
    assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
  }

  @Test
  void theFaultErrorQuotesTheScriptAsTheJvmParserDoes() {
    // The page's message for a fault list that does not parse names the JVM parser's reason, as text.
    String payload = PAYLOADS.get(2);
    String reason = assertThrows(IllegalArgumentException.class, () -> ScheduledFault.parseAll(payload)).getMessage();
    Map<String, Object> page = load(Browser.query("sim", "Quickstart", "seed", "7", "faults", payload), "error");
    String error = (String) page.get("errorText");
    assertTrue(error != null && error.contains(reason), "#error \"" + error + "\" does not contain the parser's \"" + reason + "\"");
    assertEquals(null, page.get("pwned"));
    assertEquals(List.of(), page.get("dialogs"));
  }

  @Test
  void aFaultScriptThatParsesWithMarkupInItsCommentRunsAndKeepsTheMarkupAsText() {
    // "#" starts a comment: this script parses (crash 1 at 50 ms), and the markup is just text in the input.
    String script = "crash 1 @ 50ms # \"><svg onload=window.__pwned=5><img src=x onerror=\"window.__pwned=6\">";
    assertEquals(1, ScheduledFault.parseAll(script).size(), "the script should parse on the JVM");
    // The same run with a harmless comment: what a finished run draws (a diagram may be an svg).
    String plain = (String) load(Browser.query("sim", "Quickstart", "seed", "7", "faults", "crash 1 @ 50ms # plain", "run", null),
        "done").get("counts");
    String query = Browser.query("sim", "Quickstart", "seed", "7", "faults", script, "run", null);
    Map<String, Object> page = load(query, "done");
    assertEquals(plain, page.get("counts"), "element counts differ from the same run with a plain comment");
    assertEquals(null, page.get("pwned"), "window.__pwned on " + browser.url(query));
    assertEquals(List.of(), page.get("dialogs"), "dialogs opened");
    assertEquals(List.of(), page.get("marked"), "elements made from the comment");
    assertEquals(List.of(), browser.probe("resources"), "failed loads (an injected img src=x?)");
    Object faultsValue = browser.js("const f = document.querySelector('#faults-input'); return f ? f.value : null;");
    assertTrue(faultsValue != null && faultsValue.toString().contains("<svg onload=window.__pwned=5>"),
        "#faults-input should hold the script as typed, markup as text; it holds " + faultsValue);
    assertTrue(browser.text("#trace-hash").matches("[0-9a-f]{16}"), "the run should finish with a trace hash\n" + browser.diagnostics());
  }
}
