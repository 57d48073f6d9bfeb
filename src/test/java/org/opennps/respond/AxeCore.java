package org.opennps.respond;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, fetched once from the npm registry ({@code npm pack}) into {@code target/axe}, run
 * in the page through WebDriver (script injected by the driver is not subject to the page's CSP).
 */
final class AxeCore {

    static final String VERSION = "4.14.1";
    private static final Path DIR = Paths.get("target", "axe");
    private static String source;

    private AxeCore() {}

    static synchronized String source() throws IOException, InterruptedException {
        if (source != null) {
            return source;
        }
        Path script = DIR.resolve("package").resolve("axe.min.js");
        if (!Files.exists(script)) {
            Files.createDirectories(DIR);
            run(List.of("npm", "pack", "axe-core@" + VERSION, "--silent"));
            run(List.of("tar", "xzf", "axe-core-" + VERSION + ".tgz"));
        }
        source = Files.readString(script, StandardCharsets.UTF_8);
        return source;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(DIR.toFile())
                .redirectErrorStream(true)
                .redirectOutput(DIR.resolve("npm.log").toFile())
                .start();
        if (!p.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("could not fetch axe-core: " + command + ", see " + DIR.resolve("npm.log"));
        }
    }

    /** The serious and critical violations on the page as "rule: target" lines. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(WebDriver browser) throws IOException, InterruptedException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(source());
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']})"
                + ".then(function (r) { done(r.violations.filter(function (v) {"
                + "  return v.impact === 'serious' || v.impact === 'critical'; })"
                + ".map(function (v) { return v.id + ': ' + v.nodes.map(function (n) {"
                + "  return n.target.join(' '); }).join(', '); })); })"
                + ".catch(function (e) { done(['axe failed: ' + e]); });");
        return (List<String>) result;
    }
}
