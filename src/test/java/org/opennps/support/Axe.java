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
 * axe-core from the npm registry (unpacked once into {@code target/axe-admin}), run in a page
 * through WebDriver: its serious and critical violations as "rule: nodes" lines.
 */
public final class Axe {

    private static final String PACKAGE = "axe-core@4.14.1";
    private static final Path DIR = Paths.get("target", "axe-admin");
    private static String script;

    private Axe() {}

    public static List<String> seriousViolations(WebDriver browser) throws IOException, InterruptedException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(script());
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
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
