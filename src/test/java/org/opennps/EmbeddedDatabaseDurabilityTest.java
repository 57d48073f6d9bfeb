package org.opennps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database as the application configures it by default keeps what it committed
 * when the process is killed right after the commit (no shutdown, no close): an event answered
 * with 202 must survive a crash.
 */
class EmbeddedDatabaseDurabilityTest {

    @TempDir
    Path dataDir;

    @Test
    void aCommitSurvivesTheProcessBeingKilledRightAfterIt() throws Exception {
        String url = defaultUrl().replace("${opennps.data-dir}", dataDir.toString());
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CommitThenHalt.class.getName(),
                        url)
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("committed");
        assertThat(child.exitValue()).as(output).isEqualTo(CommitThenHalt.HALTED);

        try (Connection c = DriverManager.getConnection(url, "sa", "");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select count(*) from accepted_event")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    /** {@code spring.datasource.url}'s default: the embedded H2 file URL. */
    static String defaultUrl() throws Exception {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedDatabaseDurabilityTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String value = properties.getProperty("spring.datasource.url");
        String prefix = "${opennps.db.url:";
        assertThat(value).startsWith(prefix).endsWith("}");
        return value.substring(prefix.length(), value.length() - 1);
    }

    /** Commits one row, says so, and stops the JVM the way a kill does: no hooks, no close. */
    static final class CommitThenHalt {

        static final int HALTED = 9;

        public static void main(String[] args) throws Exception {
            Connection c = DriverManager.getConnection(args[0], "sa", "");
            try (Statement s = c.createStatement()) {
                s.execute("create table accepted_event (id int primary key)");
                s.execute("insert into accepted_event values (1)");
            }
            System.out.println("committed");
            System.out.flush();
            Runtime.getRuntime().halt(HALTED);
        }
    }
}
