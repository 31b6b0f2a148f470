package eu.drugsplan.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One view of the gateway's dashboard in headless Chromium: opened, waited for until it rendered (the page and every
 * chart say so in data-* attributes), checked with axe-core, and measured (time to the complete render, bytes
 * transferred as the browser's Resource Timing counts them).
 */
final class DashboardPage {

    /** The engine of the webjar org.webjars.npm:axe-core (e2e-tests' test classpath). */
    private static final String AXE = "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    /** The previous document is marked, so that a wait never ends on the page being left. */
    private static final String RENDERED = "!window.leftByTheTest && document.body.dataset.ready === 'true' "
            + "&& document.getElementById('view').dataset.state !== 'loading' "
            + "&& [...document.querySelectorAll('[data-chart]')].every(c => c.dataset.rendered === 'true')";

    private final HeadlessChromium browser;
    final long renderMillis;

    private DashboardPage(HeadlessChromium browser, long renderMillis) {
        this.browser = browser;
        this.renderMillis = renderMillis;
    }

    static DashboardPage open(HeadlessChromium browser, String url, Duration timeout) throws Exception {
        browser.evaluate("window.leftByTheTest = true");
        browser.open(url);
        long millis = browser.waitFor(RENDERED, timeout);
        return new DashboardPage(browser, millis);
    }

    /** The page the browser shows now, reached by the page's own links and redirects (a sign-in, say). */
    static DashboardPage current(HeadlessChromium browser) {
        return new DashboardPage(browser, 0);
    }

    /** An attribute of the view element (data-state, data-series ...), "" when absent. */
    String view(String attribute) throws Exception {
        return browser.evaluate("document.getElementById('view').getAttribute('" + attribute + "') || ''").asText();
    }

    String text(String selector) throws Exception {
        return browser.evaluate("[...document.querySelectorAll(\"" + selector + "\")].map(e => e.textContent)"
                + ".join('\\n')").asText();
    }

    int count(String selector) throws Exception {
        return browser.evaluate("document.querySelectorAll(\"" + selector + "\").length").asInt();
    }

    JsonNode evaluate(String expression) throws Exception {
        return browser.evaluate(expression);
    }

    /** Bytes on the wire (compressed where the gateway compressed) of the page and everything it fetched. */
    long bytesTransferred() throws Exception {
        return browser.evaluate("performance.getEntriesByType('navigation').concat(performance.getEntriesByType("
                + "'resource')).reduce((sum, e) => sum + e.transferSize, 0)").asLong();
    }

    /** axe-core's serious and critical violations of the page as it is now, one line each. */
    List<String> seriousAccessibilityViolations() throws Exception {
        String engine;
        try (InputStream in = DashboardPage.class.getResourceAsStream(AXE)) {
            assertThat(in).as("axe-core on the test classpath at " + AXE).isNotNull();
            engine = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        browser.evaluate(engine + "; true");
        JsonNode violations = browser.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => "
                + "r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.impact + ' '"
                + " + v.id + ' (' + v.help + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; ')))");
        List<String> lines = new ArrayList<>();
        violations.forEach(v -> lines.add(v.asText()));
        return lines;
    }

    void screenshot(String name) throws Exception {
        browser.screenshot(Path.of("target", "screenshots", name + ".png"));
    }

    static String describe(String view, DashboardPage page) throws IOException {
        try {
            return view + ": rendered in " + page.renderMillis + " ms, " + page.bytesTransferred() + " bytes transferred";
        } catch (Exception e) {
            throw new IOException(e);
        }
    }
}
