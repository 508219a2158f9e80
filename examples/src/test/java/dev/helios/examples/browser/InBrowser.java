package dev.helios.examples.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * A test class whose tests share one headless Chromium on the examples' site: started before the
 * first test, closed after the last; each test is skipped with the reason when there is no browser
 * here (or fails, when {@code CI=true}: see {@link BrowserSupport}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InBrowser {
  Browser browser;

  @BeforeAll
  final void startBrowser() {
    browser = BrowserSupport.start();
  }

  @BeforeEach
  final void requireBrowser() {
    BrowserSupport.assumeStarted(browser);
  }

  @AfterAll
  final void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }
}
