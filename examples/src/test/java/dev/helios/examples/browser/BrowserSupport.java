package dev.helios.examples.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;

/**
 * What every real-browser test shares: the environment check (the skip-or-fail rule), and one
 * {@link Browser} (the system's headless Chromium, driven through its chromedriver, on the site
 * served by a {@link SiteServer}) per test class.
 *
 * <p><b>Skip or fail.</b> When Chromium, chromedriver or the built site is missing the browser tests
 * are skipped, with the reason in the surefire report, so a machine without a browser still builds;
 * when the environment variable {@code CI} is {@code true} they fail instead, so a CI machine that
 * lost its browser cannot pass by skipping everything.
 *
 * <p>Where things are: the site directory is the system property {@code helios.site.dir} (the
 * examples' pom sets it to {@code target/site}); Chromium is {@code helios.chromium} or the
 * environment variable {@code HELIOS_CHROMIUM}, else {@code /usr/bin/chromium}; chromedriver is
 * {@code helios.chromedriver} or {@code HELIOS_CHROMEDRIVER}, else {@code /usr/bin/chromedriver}.
 * Both binaries are named to Selenium explicitly, so Selenium Manager never downloads anything.
 */
final class BrowserSupport {
  /** The files a built visualizer site must hold. */
  static final List<String> SITE_FILES =
      List.of("index.html", "helios.js", "helios.css", "helios.wasm", "helios.wasm-runtime.mjs");

  private BrowserSupport() {}

  /** True when the environment variable {@code CI} is {@code true}: a missing browser then fails the tests. */
  static boolean onCi() {
    String ci = System.getenv("CI");
    return ci != null && ci.trim().equalsIgnoreCase("true");
  }

  static Path siteDir() {
    String dir = System.getProperty("helios.site.dir");
    return dir == null || dir.isBlank() ? null : Path.of(dir).toAbsolutePath().normalize();
  }

  static Path chromium() {
    return configured("helios.chromium", "HELIOS_CHROMIUM", "/usr/bin/chromium");
  }

  static Path chromedriver() {
    return configured("helios.chromedriver", "HELIOS_CHROMEDRIVER", "/usr/bin/chromedriver");
  }

  /** Where the tests save screenshots: {@code target/browser-screenshots}, beside the site. */
  static Path screenshotDir() {
    Path site = siteDir();
    Path target = site != null && site.getParent() != null ? site.getParent() : Path.of("target").toAbsolutePath();
    return target.resolve("browser-screenshots");
  }

  private static Path configured(String property, String variable, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(variable);
    }
    return Path.of(value == null || value.isBlank() ? fallback : value.trim());
  }

  /**
   * The reasons the browser tests cannot run here (empty if they can): a missing or non-executable
   * Chromium or chromedriver, or no built site.
   */
  static List<String> missing() {
    List<String> reasons = new ArrayList<>();
    Path chromium = chromium();
    if (!Files.isRegularFile(chromium) || !Files.isExecutable(chromium)) {
      reasons.add("no Chromium at " + chromium + " (set -Dhelios.chromium or HELIOS_CHROMIUM)");
    }
    Path driver = chromedriver();
    if (!Files.isRegularFile(driver) || !Files.isExecutable(driver)) {
      reasons.add("no chromedriver at " + driver + " (set -Dhelios.chromedriver or HELIOS_CHROMEDRIVER)");
    }
    Path site = siteDir();
    if (site == null) {
      reasons.add("the system property helios.site.dir is not set (the examples' pom sets it to target/site)");
    } else if (!Files.isDirectory(site)) {
      reasons.add("no visualizer site at " + site + " (build it: mvn -B -q -pl examples verify -DskipTests)");
    } else {
      for (String file : SITE_FILES) {
        if (!Files.isRegularFile(site.resolve(file))) {
          reasons.add("the site " + site + " has no " + file + " (build it: mvn -B -q -pl examples verify -DskipTests)");
        }
      }
    }
    return reasons;
  }

  /** Why the browser tests cannot run here, in one line; null if they can. */
  static String whyNot() {
    List<String> reasons = missing();
    return reasons.isEmpty() ? null : "browser tests cannot run: " + String.join("; ", reasons);
  }

  /**
   * For a PER_CLASS {@code @BeforeAll}: serves the site and starts Chromium, to be closed in
   * {@code @AfterAll}. When the browser tests cannot run here it fails if {@code CI=true}, and
   * otherwise returns null, which {@link #assumeStarted} (in {@code @BeforeEach}) turns into a skip of
   * every test, each with the reason. (An abort in {@code @BeforeAll} itself would hide the tests
   * from surefire's report altogether: "Tests run: 0", no reason.)
   */
  static Browser start() {
    String whyNot = whyNot();
    if (whyNot != null) {
      if (onCi()) {
        fail(whyNot + " [CI=true, so this fails instead of skipping]");
      }
      System.out.println("[browser] skipped: " + whyNot + " [with CI=true this fails]");
      return null;
    }
    quietSelenium();
    try {
      return Browser.start(siteDir(), chromium().toFile(), chromedriver().toFile());
    } catch (IOException e) {
      throw new IllegalStateException("could not serve the site " + siteDir() + ": " + e, e);
    }
  }

  /** For {@code @BeforeEach}: skips the test, with the reason, if {@link #start} found no browser. */
  static void assumeStarted(Browser browser) {
    if (browser == null) {
      String whyNot = whyNot();
      Assumptions.abort((whyNot == null ? "the browser was not started" : whyNot) + " [skipped; with CI=true this fails]");
    }
  }

  /** Selenium warns on every session that it has no CDP bindings for this Chromium; we use none of them. */
  private static void quietSelenium() {
    for (String name : List.of("org.openqa.selenium", "org.openqa.selenium.devtools", "org.openqa.selenium.chromium")) {
      Logger.getLogger(name).setLevel(Level.SEVERE);
    }
  }

  /** {@code text} with every character but letters and digits made {@code -}, for file names. */
  static String fileName(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }
}
