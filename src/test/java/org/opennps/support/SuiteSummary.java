package org.opennps.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says at the end of a test run which suites ran, on what, and why any was skipped: one line per
 * suite on standard error and in {@code target/test-suites.txt}. A suite is known by its tag
 * ({@code postgres}, {@code browser}, {@code node}); everything else is the H2 and unit suite.
 */
public class SuiteSummary implements TestExecutionListener {

    private static final Map<String, String> SUITES = new LinkedHashMap<>();

    static {
        SUITES.put("", "H2 and unit");
        SUITES.put("postgres", "PostgreSQL");
        SUITES.put("browser", "browser");
        SUITES.put("node", "Node.js client");
    }

    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        SUITES.keySet().forEach(suite -> tallies.put(suite, new Tally()));
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        Tally tally = tallies.get(suiteOf(identifier));
        tally.skipped += identifier.isTest()
                ? 1
                : (int) plan.getDescendants(identifier).stream()
                        .filter(TestIdentifier::isTest)
                        .count();
        tally.reasons.add(reason);
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (!identifier.isTest()) {
            return;
        }
        Tally tally = tallies.get(suiteOf(identifier));
        tally.run++;
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            tally.failed++;
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        StringBuilder out = new StringBuilder();
        tallies.forEach((suite, tally) -> {
            if (tally.run == 0 && tally.skipped == 0) {
                return;
            }
            out.append("Suite ").append(SUITES.get(suite));
            if ("postgres".equals(suite) && System.getProperty(PostgresAvailable.TARGET) != null) {
                out.append(" on ").append(System.getProperty(PostgresAvailable.TARGET));
            }
            out.append(": ")
                    .append(tally.run)
                    .append(" run, ")
                    .append(tally.failed)
                    .append(" failed, ")
                    .append(tally.skipped)
                    .append(" skipped");
            if (!tally.reasons.isEmpty()) {
                out.append(" (").append(String.join("; ", tally.reasons)).append(')');
            }
            out.append('\n');
        });
        System.err.print(out);
        try {
            Path target = Path.of("target");
            if (Files.isDirectory(target)) {
                Files.writeString(target.resolve("test-suites.txt"), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String suiteOf(TestIdentifier identifier) {
        Set<String> tags = new TreeSet<>();
        for (TestIdentifier at = identifier; at != null; at = plan.getParent(at).orElse(null)) {
            at.getTags().stream().map(TestTag::getName).forEach(tags::add);
        }
        return SUITES.keySet().stream()
                .filter(suite -> !suite.isEmpty() && tags.contains(suite))
                .findFirst()
                .orElse("");
    }

    private static final class Tally {
        int run;
        int failed;
        int skipped;
        final Set<String> reasons = new TreeSet<>();
    }
}
