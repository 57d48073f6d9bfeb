package org.opennps.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core from the npm registry ({@code npm pack}, unpacked once into {@code target/axe}), run
 * in a page through WebDriver (a script the driver injects is not subject to the page's CSP):
 * its serious and critical violations as "rule: nodes" lines. Admin and respondent pages alike.
 */
public final class Axe {

    public static final String VERSION = "4.14.1";
    private static final String PACKAGE = "axe-core@" + VERSION;
    private static final Path DIR = Paths.get("target", "axe");
    private static String script;

    private Axe() {}

    /** The serious and critical violations on the page shown now, as "rule: targets" lines. */
    public static List<String> seriousViolations(WebDriver browser) throws IOException, InterruptedException {
        return run(browser, "document");
    }

    /**
     * The same, within the elements matching a CSS selector only (their open shadow roots
     * included), for a part of a page that is not ours, such as the widget on a shop's page.
     */
    public static List<String> seriousViolationsIn(WebDriver browser, String selector)
            throws IOException, InterruptedException {
        return run(browser, "{include: [[" + quoted(selector) + "]]}");
    }

    private static String quoted(String selector) {
        return "'" + selector.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static List<String> run(WebDriver browser, String context) throws IOException, InterruptedException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(script());
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(" + context + ", {resultTypes: ['violations']}).then(function (r) {"
                + " done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + " .map(function (v) { return v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));"
                + "}).catch(function (e) { done(['axe failed: ' + e]); });");
        return found;
    }

    private static synchronized String script() throws IOException, InterruptedException {
        if (script == null) {
            Path file = DIR.resolve("package").resolve("axe.min.js");
            if (!Files.exists(file)) {
                Files.createDirectories(DIR);
                exec("npm", "pack", PACKAGE, "--silent");
                try (var packed = Files.list(DIR)) {
                    String tgz = packed.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".tgz"))
                            .findFirst()
                            .orElseThrow(() -> new IOException("npm pack left no archive in " + DIR));
                    exec("tar", "xzf", tgz);
                }
            }
            script = Files.readString(file, StandardCharsets.UTF_8);
        }
        return script;
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .directory(DIR.toFile())
                .redirectErrorStream(true)
                .redirectOutput(DIR.resolve("npm.log").toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("could not fetch " + PACKAGE + ": see " + DIR.resolve("npm.log"));
        }
    }
}
