package org.opennps.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs PostgreSQL suites on the server at {@code OPENNPS_TEST_DB_URL} when it is set, and on an
 * {@link EmbeddedPostgresServer} started once per test JVM when it is not. Skips with the reason
 * only when neither is possible, and fails instead when {@code OPENNPS_TEST_DB_REQUIRED=true}.
 */
public class PostgresAvailable implements ExecutionCondition {

    /** System property naming the database the PostgreSQL suite runs on, for the summary line. */
    static final String TARGET = "opennps.test.postgres";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String url = System.getenv("OPENNPS_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            String target = "server at " + url.replaceAll("\\?.*", "");
            System.setProperty(TARGET, target);
            return ConditionEvaluationResult.enabled("PostgreSQL suite on the " + target);
        }
        String embedded = EmbeddedPostgresServer.url();
        if (embedded != null) {
            // application-pgtest.properties reads these; system properties win over the environment
            System.setProperty("OPENNPS_TEST_DB_URL", embedded);
            System.setProperty("OPENNPS_TEST_DB_USER", "postgres");
            System.setProperty("OPENNPS_TEST_DB_PASSWORD", "");
            String target = "embedded PostgreSQL 14 (OPENNPS_TEST_DB_URL not set)";
            System.setProperty(TARGET, target);
            return ConditionEvaluationResult.enabled("PostgreSQL suite on " + target);
        }
        String reason = "OPENNPS_TEST_DB_URL is not set and embedded PostgreSQL could not start ("
                + EmbeddedPostgresServer.failure() + ")";
        if ("true".equalsIgnoreCase(System.getenv("OPENNPS_TEST_DB_REQUIRED"))) {
            throw new IllegalStateException(
                    "OPENNPS_TEST_DB_REQUIRED=true but " + reason + ": the PostgreSQL suite must run");
        }
        return ConditionEvaluationResult.disabled("PostgreSQL suite skipped: " + reason
                + "; set OPENNPS_TEST_DB_URL=jdbc:postgresql://localhost:5432/<db> to use a server");
    }
}
