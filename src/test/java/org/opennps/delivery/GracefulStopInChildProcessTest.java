package org.opennps.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennps.OpenNpsApplication;

/**
 * A deploy as it happens: the application runs in a JVM of its own on the embedded database,
 * takes a burst of events whose campaign e-mails each contact, and gets SIGTERM
 * ({@link Process#destroy()}) while the burst is being sent. The stop must hold nothing (no
 * e-mail {@code sending}, no scheduler execution picked), log no error, and stop the outbox and
 * the scheduler before the connection pool; after a restart every contact has exactly one
 * e-mail and every accepted event is stored.
 *
 * <p>Two application starts take longer than the suite allows a test, so this one is tagged
 * {@code process}, which {@code ./mvnw verify} leaves out; it runs with
 * {@code -Dopennps.test.excluded-groups=none} (the fault replay, {@code bench/faults/replay.sh},
 * runs it).
 */
@Tag("process")
class GracefulStopInChildProcessTest {

    private static final String KEY = "onps_graceful_stop_" + "k".repeat(30);
    private static final int CONTACTS = 300;
    private static final Duration START = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> started = new ArrayList<>();
    private int port;

    @AfterEach
    void noChildLeftBehind() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void sigtermMidBurstStopsTheOutboxBeforeThePoolAndARestartSendsEachContactOnce() throws Exception {
        try (SmtpStub smtp = SmtpStub.answering(address -> "250 OK")) {
            Process first = start(smtp, "first.log");
            String campaign = campaign();
            List<List<Map<String, Object>>> batches = batches();
            int accepted = 0;
            for (List<Map<String, Object>> batch : batches) {
                if (smtp.delivered().size() >= 20) {
                    break; // the burst is being sent: this is when the deploy comes
                }
                assertThat(post("/api/v1/events", Map.of("events", batch)).statusCode())
                        .isEqualTo(202);
                accepted += batch.size();
            }
            await().atMost(START).until(() -> !smtp.delivered().isEmpty());

            first.destroy(); // SIGTERM
            assertThat(first.waitFor(90, TimeUnit.SECONDS)).isTrue();
            String stopLog = stopLog("first.log");
            assertThat(errorLines(stopLog)).as(stopLog).isEmpty();
            assertThat(stopLog).contains("Outbox stopped", "Scheduler stopped", "HikariPool-1 - Shutdown completed");
            assertThat(stopLog.indexOf("Outbox stopped"))
                    .isLessThan(stopLog.indexOf("HikariPool-1 - Shutdown initiated"));
            assertThat(stopLog.indexOf("Scheduler stopped"))
                    .isLessThan(stopLog.indexOf("HikariPool-1 - Shutdown initiated"));
            assertThat(count("select count(*) from outgoing_email where status = 'sending'"))
                    .isZero();
            assertThat(count("select count(*) from scheduled_tasks where picked = true"))
                    .isZero();
            assertThat(count("select count(*) from event where event_id like 'stop-%'"))
                    .isEqualTo(accepted);
            int sentBeforeTheStop = smtp.delivered().size();

            start(smtp, "second.log");
            for (List<Map<String, Object>> batch : batches) { // the client sends all again; ids are idempotent
                assertThat(post("/api/v1/events", Map.of("events", batch)).statusCode())
                        .isEqualTo(202);
            }
            await().atMost(START).until(() -> smtp.delivered().size() >= CONTACTS);
            await().atMost(START).until(() -> outbox("queued") == 0 && outbox("sending") == 0);

            Map<String, Long> perRecipient = smtp.delivered().stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(perRecipient).hasSize(CONTACTS);
            assertThat(perRecipient.values())
                    .as("sent before the stop: " + sentBeforeTheStop)
                    .containsOnly(1L);
            assertThat(JsonPath.<Integer>read(get("/api/v1/campaigns/" + campaign + "/journeys?size=1"), "$.total"))
                    .isEqualTo(CONTACTS);
        }
    }

    private Process start(SmtpStub smtp, String logName) throws Exception {
        port = freePort();
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(java.io.File.pathSeparator));
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        classpath,
                        OpenNpsApplication.class.getName(),
                        "--server.port=" + port,
                        "--server.address=127.0.0.1",
                        "--opennps.data-dir=" + dir.resolve("data"),
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtp.port(),
                        "--opennps.demo.enabled=false")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(logName).toFile());
        builder.environment().put("OPENNPS_BOOTSTRAP_API_KEY", KEY);
        builder.environment().put("OPENNPS_ADMIN_PASSWORD", "graceful-stop-password");
        Process process = builder.start();
        started.add(process);
        await().atMost(START).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive())
                    .as(Files.readString(dir.resolve(logName)))
                    .isTrue();
            return ready();
        });
        return process;
    }

    private boolean ready() {
        try {
            return http.send(
                                    HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String campaign() throws Exception {
        HttpResponse<String> survey = post(
                "/api/v1/surveys",
                Map.of(
                        "name",
                        "After the order",
                        "questions",
                        List.of(Map.of("id", "nps", "type", "nps", "text", "How likely are you to recommend us?"))));
        assertThat(survey.statusCode()).as(survey.body()).isEqualTo(201);
        HttpResponse<String> campaign = post(
                "/api/v1/campaigns",
                Map.of(
                        "name",
                        "After the order",
                        "survey_id",
                        JsonPath.read(survey.body(), "$.id"),
                        "status",
                        "active",
                        "trigger",
                        Map.of("event_type", "order.placed"),
                        "steps",
                        List.of(Map.of("type", "action", "action", "email", "subject", "How did we do?"))));
        assertThat(campaign.statusCode()).as(campaign.body()).isEqualTo(201);
        return JsonPath.read(campaign.body(), "$.id");
    }

    private static List<List<Map<String, Object>>> batches() {
        List<Map<String, Object>> events = IntStream.range(0, CONTACTS)
                .mapToObj(i -> Map.<String, Object>of(
                        "id",
                        "stop-" + i,
                        "type",
                        "order.placed",
                        "contact",
                        Map.of("external_id", "c-" + i, "email", "c-" + i + "@example.com")))
                .toList();
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        for (int i = 0; i < events.size(); i += 25) {
            batches.add(events.subList(i, Math.min(events.size(), i + 25)));
        }
        return batches;
    }

    private long outbox(String status) throws Exception {
        return JsonPath.<Number>read(get("/api/v1/outbox?size=1&status=" + status), "$.total")
                .longValue();
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + KEY)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(json(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Bearer " + KEY)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String json(Object body) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** What the first node logged from the moment it was asked to stop. */
    private String stopLog(String logName) throws IOException {
        String log = Files.readString(dir.resolve(logName), StandardCharsets.UTF_8);
        int from = log.indexOf("Shutting down Scheduler");
        int outbox = log.indexOf("Outbox stopped");
        if (from < 0 || (outbox >= 0 && outbox < from)) {
            from = outbox;
        }
        assertThat(from).as(log.substring(Math.max(0, log.length() - 4000))).isNotNegative();
        return log.substring(log.lastIndexOf('\n', from) + 1);
    }

    /** Records logged at ERROR, and any sign of work meeting a closed database or pool. */
    private static List<String> errorLines(String log) {
        return log.lines()
                .filter(line -> line.matches("^\\S+\\s+ERROR .*")
                        || line.contains("already closed")
                        || line.contains("has been closed")
                        || line.contains("Connection is closed"))
                .toList();
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(h2Url(), "sa", "");
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String h2Url() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String value = properties.getProperty("spring.datasource.url");
        String url = value.substring("${opennps.db.url:".length(), value.length() - 1);
        return url.replace("${opennps.data-dir}", dir.resolve("data").toString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
