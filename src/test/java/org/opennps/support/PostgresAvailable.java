package org.opennps.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs PostgreSQL suites only where a test database is configured, and says so when not. */
public class PostgresAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String url = System.getenv("OPENNPS_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return ConditionEvaluationResult.enabled("PostgreSQL test database: " + url.replaceAll("\\?.*", ""));
        }
        if ("true".equalsIgnoreCase(System.getenv("OPENNPS_TEST_DB_REQUIRED"))) {
            throw new IllegalStateException(
                    "OPENNPS_TEST_DB_REQUIRED=true but OPENNPS_TEST_DB_URL is not set: the PostgreSQL suite must run");
        }
        return ConditionEvaluationResult.disabled(
                "PostgreSQL suite skipped: set OPENNPS_TEST_DB_URL=jdbc:postgresql://localhost:5432/<db> to run it");
    }
}
