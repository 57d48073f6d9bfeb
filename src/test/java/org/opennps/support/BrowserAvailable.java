package org.opennps.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs browser tests only where Chromium and its driver are installed and {@code
 * OPENNPS_TEST_BROWSER} is not {@code false}, and says so when not.
 */
public class BrowserAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean switchedOff = "false".equalsIgnoreCase(System.getenv("OPENNPS_TEST_BROWSER"));
        if (switchedOff && !"true".equalsIgnoreCase(System.getenv("OPENNPS_TEST_BROWSER_REQUIRED"))) {
            return ConditionEvaluationResult.disabled(
                    "Browser suite skipped: switched off by OPENNPS_TEST_BROWSER=false");
        }
        String missing = switchedOff ? "OPENNPS_TEST_BROWSER=false" : Browsers.missing();
        if (missing == null) {
            return ConditionEvaluationResult.enabled("Chromium at " + Browsers.CHROMIUM);
        }
        if ("true".equalsIgnoreCase(System.getenv("OPENNPS_TEST_BROWSER_REQUIRED"))) {
            throw new IllegalStateException(
                    "OPENNPS_TEST_BROWSER_REQUIRED=true but " + missing + ": the browser suite must run");
        }
        return ConditionEvaluationResult.disabled(
                "Browser suite skipped: " + missing + " (install the chromium and chromium-driver packages to run it)");
    }
}
