package dev.helios.examples.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium on the served site, for one test class: navigation by URL parameters,
 * waiting for the page's {@code body[data-state]}, JavaScript, screenshots, and diagnostics for
 * failure messages.
 *
 * <p>Before any page script runs, every document gets a probe ({@code window.__heliosProbe}, by the
 * DevTools protocol's {@code Page.addScriptToEvaluateOnNewDocument}): it records each
 * {@code data-state} with its {@code performance.now()} time, uncaught errors and unhandled
 * rejections, failed resource loads, {@code console.error}/{@code warn} lines, dialogs
 * ({@code alert}, {@code confirm}, {@code prompt}; still shown) and every {@code img}, {@code script},
 * {@code svg}, {@code iframe}, {@code object} or {@code embed} element added to the document.
 */
final class Browser implements AutoCloseable {
  /** How long a page may take to load the wasm and reach a settled state. */
  static final Duration LOAD = Duration.ofSeconds(20);

  private static final String PROBE = """
      (() => {
        if (window.__heliosProbe) return;
        const probe = window.__heliosProbe = { states: [], errors: [], resources: [], console: [], dialogs: [], added: [] };
        const cap = (list, text) => { if (list.length < 200) list.push(String(text).slice(0, 500)); };
        addEventListener('error', e => {
          if (e.target && e.target !== window && e.target.tagName) {
            cap(probe.resources, e.target.tagName.toLowerCase() + ' ' + (e.target.src || e.target.href || ''));
          } else {
            cap(probe.errors, (e.message || e.type) + (e.filename ? ' (' + e.filename + ':' + e.lineno + ')' : ''));
          }
        }, true);
        addEventListener('unhandledrejection', e => {
          const r = e.reason;
          cap(probe.errors, 'unhandled rejection: ' + (r && (r.stack || r.message) || r));
        });
        for (const level of ['error', 'warn']) {
          const original = console[level];
          console[level] = function (...args) { cap(probe.console, level + ': ' + args.map(String).join(' ')); return original.apply(this, args); };
        }
        for (const name of ['alert', 'confirm', 'prompt']) {
          const original = window[name];
          window[name] = function (...args) { cap(probe.dialogs, name + ': ' + args.map(String).join(' ')); return original.apply(this, args); };
        }
        const watched = 'img,script,svg,iframe,object,embed';
        const note = node => cap(probe.added, node.tagName.toLowerCase() + ' ' + (node.outerHTML || '').slice(0, 300));
        const visit = node => {
          if (node.nodeType !== 1) return;
          if (node.tagName === 'BODY' && node.hasAttribute('data-state')) probe.states.push([node.getAttribute('data-state'), performance.now()]);
          if (node.matches(watched)) note(node);
          node.querySelectorAll(watched).forEach(note);
        };
        new MutationObserver(records => {
          for (const record of records) {
            if (record.type === 'attributes') {
              if (record.target === document.body) probe.states.push([document.body.getAttribute('data-state'), performance.now()]);
            } else {
              record.addedNodes.forEach(visit);
            }
          }
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
      })();
      """;

  private final SiteServer server;
  private final ChromeDriver driver;
  private final Path profile;
  private final List<String> uncaughtErrors = new ArrayList<>();

  private Browser(SiteServer server, ChromeDriver driver, Path profile) {
    this.server = server;
    this.driver = driver;
    this.profile = profile;
  }

  static Browser start(Path site, File chromium, File chromedriver) throws IOException {
    SiteServer server = SiteServer.start(site);
    Path profile = Files.createTempDirectory("helios-chromium-");
    ChromeDriver driver = null;
    try {
      ChromeOptions options = new ChromeOptions();
      options.setBinary(chromium);
      options.addArguments(
          "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-extensions", "--no-first-run", "--no-default-browser-check",
          "--user-data-dir=" + profile, "--window-size=1400,1000");
      // A dialog stays open for the test to find (switchTo().alert()), instead of being dismissed.
      options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(chromedriver)
          .usingAnyFreePort()
          .withSilent(true)
          .build();
      driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
      driver.manage().timeouts().pageLoadTimeout(LOAD);
      driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
      return new Browser(server, driver, profile);
    } catch (RuntimeException | Error e) {
      if (driver != null) {
        driver.quit();
      }
      server.close();
      deleteTree(profile);
      throw e;
    }
  }

  ChromeDriver driver() {
    return driver;
  }

  String baseUrl() {
    return server.baseUrl();
  }

  /** The page's URL with {@code query} (already encoded, without the {@code ?}; may be empty). */
  String url(String query) {
    return server.baseUrl() + (query == null || query.isEmpty() ? "" : "?" + query);
  }

  /**
   * A query string from name/value pairs, each value percent-encoded ({@code %20} for a space); a
   * null value writes the bare name, as in {@code &run}.
   */
  static String query(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs: " + Arrays.toString(namesAndValues));
    }
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      query.append(query.length() == 0 ? "" : "&").append(encode(namesAndValues[i]));
      if (namesAndValues[i + 1] != null) {
        query.append('=').append(encode(namesAndValues[i + 1]));
      }
    }
    return query.toString();
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Navigates to the page with {@code query} (see {@link #query}). */
  void open(String query) {
    keepUncaughtErrors();
    driver.get(url(query));
  }

  /** Navigates to {@code url} (of this site). */
  void openUrl(String url) {
    keepUncaughtErrors();
    driver.get(url);
  }

  /**
   * The uncaught errors and unhandled rejections of every document loaded since the last call (the
   * current one included), each with its URL; clears them.
   */
  List<String> takeUncaughtErrors() {
    keepUncaughtErrors();
    List<String> errors = List.copyOf(uncaughtErrors);
    uncaughtErrors.clear();
    return errors;
  }

  /** Moves the current document's uncaught errors to {@link #uncaughtErrors} (before it is left). */
  @SuppressWarnings("unchecked")
  private void keepUncaughtErrors() {
    try {
      Object errors = js("const p = window.__heliosProbe; if (!p) return [];"
          + " const e = p.errors.splice(0); return e.map(x => x + ' [' + location.href + ']');");
      if (errors instanceof List) {
        uncaughtErrors.addAll((List<String>) errors);
      }
    } catch (WebDriverException e) {
      // no document yet, or a dialog is open: nothing to keep
    }
  }

  /** Navigates to {@code query} and waits for one of {@code states}; returns the state reached. */
  String openAndWait(String query, String... states) {
    open(query);
    return waitForState(LOAD, states);
  }

  /** {@code body[data-state]}, or null before there is a body. */
  String state() {
    Object state = js("return document.body ? document.body.getAttribute('data-state') : null;");
    return state == null ? null : state.toString();
  }

  /**
   * Waits until {@code body[data-state]} is one of {@code states} and returns it; fails, with what
   * the page shows, after {@code timeout}. "error" ends the wait at once unless asked for, so a
   * broken run fails fast with its message.
   */
  String waitForState(Duration timeout, String... states) {
    List<String> wanted = List.of(states);
    long deadline = System.nanoTime() + timeout.toNanos();
    String state = null;
    long stateless = 0;
    while (System.nanoTime() < deadline) {
      state = state();
      if (state != null && wanted.contains(state)) {
        return state;
      }
      if ("error".equals(state)) {
        fail("the page went to data-state=error while waiting for " + wanted + "\n" + diagnostics());
      }
      stateless = failIfNotTheVisualizer(state, stateless);
      sleep(25);
    }
    return fail("the page did not reach data-state " + wanted + " within " + timeout.toMillis() + " ms (it is "
        + state + ")\n" + diagnostics());
  }

  /** Waits until {@code condition} (a JS expression) is truthy; fails after {@code timeout} with {@code what}. */
  void waitFor(String condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long stateless = 0;
    while (System.nanoTime() < deadline) {
      if (Boolean.TRUE.equals(js("try { return !!(" + condition + "); } catch (e) { return false; }"))) {
        return;
      }
      stateless = failIfNotTheVisualizer(state(), stateless);
      sleep(25);
    }
    fail("timed out after " + timeout.toMillis() + " ms waiting for " + what + " (" + condition + ")\n" + diagnostics());
  }

  /**
   * Fails at once (not after the whole timeout) when the loaded page is not the visualizer: its
   * document has finished loading and, a second later, its body still has no {@code data-state},
   * which the contract's index.html starts with. Returns when that was first seen (0: not seen).
   */
  private long failIfNotTheVisualizer(String state, long statelessSince) {
    if (state != null || !"complete".equals(js("return document.readyState;"))) {
      return 0;
    }
    long now = System.nanoTime();
    if (statelessSince == 0) {
      return now;
    }
    if (now - statelessSince < 1_000_000_000L) {
      return statelessSince;
    }
    String indexSize;
    try {
      indexSize = Files.size(server.root().resolve("index.html")) + " bytes";
    } catch (IOException e) {
      indexSize = "unreadable";
    }
    return fail("this is not the visualizer page: the document has loaded but its body has no data-state (the site's"
        + " index.html is " + indexSize + "). A build of the examples alone (mvn -pl examples, without -am) unpacks the"
        + " page from the helios-wasm jar in ~/.m2, which may be older than helios-wasm/src/main/resources/META-INF/helios-site\n"
        + diagnostics());
  }

  /**
   * Waits for {@code window.heliosPage.api} with its {@code open} and {@code step} functions, and
   * for the page to have settled (any state but "loading").
   */
  void waitForApi() {
    waitFor("window.heliosPage && heliosPage.api && typeof heliosPage.api.open === 'function'"
        + " && typeof heliosPage.api.step === 'function' && typeof heliosPage.api.close === 'function'",
        LOAD, "window.heliosPage.api (open, step, close) of the contract");
    waitFor("document.body && document.body.getAttribute('data-state') && document.body.getAttribute('data-state') !== 'loading'",
        LOAD, "the page to leave data-state=loading");
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Runs {@code script} asynchronously: it ends by calling its last argument with the result. */
  Object jsAsync(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
  }

  WebElement element(String css) {
    List<WebElement> found = driver.findElements(By.cssSelector(css));
    if (found.isEmpty()) {
      return fail("the page has no " + css + " (the DOM contract names it)\n" + diagnostics());
    }
    return found.get(0);
  }

  boolean has(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  /** The element's textContent (visible or not), trimmed; "" if it is absent. */
  String text(String css) {
    Object text = js("const e = document.querySelector(arguments[0]); return e ? e.textContent : '';", css);
    return text == null ? "" : text.toString().trim();
  }

  /** Whether the element is there, displayed and not empty. */
  boolean visible(String css) {
    List<WebElement> found = driver.findElements(By.cssSelector(css));
    return !found.isEmpty() && found.get(0).isDisplayed();
  }

  /** Clicks the element (scrolling it into view first), failing with diagnostics if it is absent. */
  void click(String css) {
    WebElement element = element(css);
    js("arguments[0].scrollIntoView({block: 'center'});", element);
    try {
      element.click();
    } catch (WebDriverException e) {
      fail("could not click " + css + ": " + e.getMessage().lines().findFirst().orElse("") + "\n" + diagnostics());
    }
  }

  /** Sets a text input's value as a user would (select all, type) and fires input and change. */
  void type(String css, String value) {
    WebElement element = element(css);
    element.clear();
    element.sendKeys(value);
    js("arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", element);
  }

  /** Selects the option with {@code value} in a select (or its visible text), firing input and change. */
  void select(String css, String value) {
    WebElement element = element(css);
    Object ok = js("""
        const s = arguments[0], v = arguments[1];
        const o = [...s.options].find(o => o.value === v) || [...s.options].find(o => o.textContent.trim() === v);
        if (!o) return [...s.options].map(o => o.value + '=' + o.textContent.trim()).join(', ');
        s.value = o.value;
        s.dispatchEvent(new Event('input', {bubbles: true}));
        s.dispatchEvent(new Event('change', {bubbles: true}));
        return true;""", element, value);
    if (!Boolean.TRUE.equals(ok)) {
      fail(css + " has no option " + value + "; its options are: " + ok + "\n" + diagnostics());
    }
  }

  /** The probe's list {@code name} (states, errors, resources, console, dialogs, added) as strings. */
  @SuppressWarnings("unchecked")
  List<String> probe(String name) {
    Object list = js("const p = window.__heliosProbe; return p ? p[arguments[0]].map(x => Array.isArray(x) ? x.join(' @ ') : String(x)) : null;", name);
    if (list == null) {
      return fail("the probe is missing: Page.addScriptToEvaluateOnNewDocument did not run on this page");
    }
    return (List<String>) list;
  }

  /** What the page shows, for failure messages. */
  String diagnostics() {
    try {
      Object text = js("""
          const t = s => { const e = document.querySelector(s); return e ? JSON.stringify(e.textContent.trim().slice(0, 400)) : '(none)'; };
          const p = window.__heliosProbe || {};
          return 'url: ' + location.href
            + '\\ndata-state: ' + (document.body && document.body.getAttribute('data-state'))
            + '\\n#status: ' + t('#status') + '\\n#error: ' + t('#error') + '\\n#violation: ' + t('#violation')
            + '\\n#trace-hash: ' + t('#trace-hash') + '\\n#event-count: ' + t('#event-count')
            + '\\npage errors: ' + JSON.stringify(p.errors || []) + '\\nconsole: ' + JSON.stringify((p.console || []).slice(-10))
            + '\\nfailed loads: ' + JSON.stringify(p.resources || []) + '\\nstates: ' + JSON.stringify(p.states || []);""");
      return String.valueOf(text);
    } catch (WebDriverException e) {
      return "(no diagnostics: " + e.getMessage().lines().findFirst().orElse("") + ")";
    }
  }

  /**
   * Saves a screenshot of the window as {@code target/browser-screenshots/<name>.png}, with the
   * element {@code focusCss} scrolled to the top of the window (null: the page as it is); returns its path.
   */
  Path screenshot(String name, String focusCss) {
    if (focusCss != null) {
      js("const e = document.querySelector(arguments[0]); if (e) e.scrollIntoView({block: 'start'});", focusCss);
      sleep(150); // the diagram redraws on the next frame
    }
    try {
      File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Path target = screenshotFile(name);
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      Files.deleteIfExists(shot.toPath());
      System.out.println("[browser] screenshot: " + target);
      return target;
    } catch (IOException e) {
      throw new IllegalStateException("could not save the screenshot " + name + ": " + e, e);
    }
  }

  /**
   * Saves a screenshot of the whole page, beyond the window (DevTools' {@code Page.captureScreenshot}),
   * as {@code target/browser-screenshots/<name>.png}; returns its path.
   */
  @SuppressWarnings("unchecked")
  Path fullPageScreenshot(String name) {
    js("window.scrollTo(0, 0);");
    sleep(150);
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    double width = ((Number) size.get("width")).doubleValue();
    double height = Math.min(((Number) size.get("height")).doubleValue(), 8000);
    Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    try {
      Path target = screenshotFile(name);
      Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
      System.out.println("[browser] screenshot: " + target);
      return target;
    } catch (IOException e) {
      throw new IllegalStateException("could not save the screenshot " + name + ": " + e, e);
    }
  }

  private static Path screenshotFile(String name) throws IOException {
    Path dir = BrowserSupport.screenshotDir();
    Files.createDirectories(dir);
    return dir.resolve(BrowserSupport.fileName(name) + ".png");
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      server.close();
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
      for (Path path : all) {
        try {
          Files.deleteIfExists(path);
        } catch (IOException ignored) {
          // Chromium may still hold a lock file for a moment; the temp dir is only a profile.
        }
      }
    } catch (IOException ignored) {
      // as above
    }
  }
}
