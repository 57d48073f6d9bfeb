package org.opennps.delighted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennps.contact.ContactService;
import org.opennps.support.ApiTestBase;
import org.opennps.support.NodeAvailable;
import org.opennps.support.NodeTest;
import org.opennps.support.OnH2;
import org.opennps.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The official Delighted Node client ({@code delighted@2.2.0} from the npm registry), pointed at
 * this server with nothing but another host and an OpenNPS key, runs every call an integration
 * makes; the results are checked here, metrics against OpenNPS's own analytics.
 */
@OnH2
@NodeTest
class DelightedNodeClientTest extends ApiTestBase {

    static final String CLIENT = "delighted@2.2.0";

    @LocalServerPort
    int port;

    @Autowired
    ContactService contacts;

    @Autowired
    TestMailServer smtp;

    @TempDir
    Path dir;

    /** Addresses of this run only: the mail server and scheduler are shared by every test. */
    private final String domain = "t" + UUID.randomUUID().toString().substring(0, 8) + ".example";

    private String mail(String name) {
        return name + "@" + domain;
    }

    @Test
    void officialClientWorksAgainstOpenNps() throws Exception {
        installClient();
        String dan = JsonPath.read(
                postJson("/api/v1/contacts", json("{'email':'" + mail("dan") + "','name':'Dan'}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        contacts.markBounced(workspace.workspace().id(), UUID.fromString(dan));
        long now = Instant.now().getEpochSecond();
        long since = now - 3600;
        long until = now + 3600;

        DocumentContext out = JsonPath.parse(runScript(since, until));

        assertPeople(out, now);
        assertResponses(out);
        assertMetricsAgreeWithAnalytics(out, since, until);
        assertThat(out.read("$.unsubscribe.ok", Boolean.class)).isTrue();
        assertThat(out.read("$.unsubscribes[*].email", List.class)).containsExactly(mail("bob"));
        assertThat(out.read("$.bounces[*].person_id", List.class)).containsExactly(dan);
        assertThat(out.read("$.deleted.ok", Boolean.class)).isTrue();
        assertThat(contacts.findByEmail(workspace.workspace().id(), mail("gone")))
                .isEmpty();
        assertThat(out.read("$.invalid.error.type", String.class)).isEqualTo("ResourceValidationError");
        assertThat(out.read("$.invalid.error.message", String.class)).contains("email");
        assertThat(out.read("$.unauthorized.error.type", String.class)).isEqualTo("AuthenticationError");
        assertThat(out.read("$.limited.type", String.class)).isEqualTo("TooManyRequestsError");
        assertThat(out.read("$.limited.retryAfter", Integer.class)).isPositive();

        // the delayed survey goes out when its hour is over, and only to the person still waiting
        clock.advance(Duration.ofMinutes(61));
        await().atMost(Duration.ofSeconds(20)).until(() -> !smtp.to(mail("ann")).isEmpty());
        assertThat(smtp.to(mail("cy"))).isEmpty();
        assertThat(smtp.to(mail("bob"))).isEmpty();
    }

    private void assertPeople(DocumentContext out, long now) {
        long scheduled = out.read("$.ann.survey_scheduled_at", Long.class);
        assertThat(scheduled - now).isBetween(3500L, 3700L);
        assertThat(out.read("$.bob", Map.class)).doesNotContainKey("survey_scheduled_at");
        assertThat(out.read("$.cy.survey_scheduled_at", Long.class)).isNotNull();
        assertThat(out.read("$.deletePending.ok", Boolean.class)).isTrue();
        // four people over two pages of two: the client followed the Link header
        assertThat(out.read("$.people[*].email", List.class))
                .containsExactlyInAnyOrder(mail("ann"), mail("bob"), mail("cy"), mail("dan"));
        List<Number> next = out.read("$.people[?(@.email=='" + mail("ann") + "')].next_survey_scheduled_at");
        assertThat(next).extracting(Number::longValue).containsExactly(scheduled);
        assertThat(out.read("$.people[?(@.email=='" + mail("cy") + "')].next_survey_scheduled_at", List.class))
                .containsExactly((Object) null);
        String ann = out.read("$.ann.id");
        assertThat(contacts.get(workspace.workspace().id(), UUID.fromString(ann))
                        .attributes())
                .containsEntry("plan", "pro")
                .containsEntry("city", "Warsaw");
    }

    private void assertResponses(DocumentContext out) {
        assertThat(out.read("$.created[*].score", List.class)).containsExactly(10, 9, 7, 3);
        assertThat(out.read("$.created[0].comment", String.class)).isEqualTo("Great");
        assertThat(out.read("$.created[0].person_properties.source", String.class))
                .isEqualTo("node");
        List<String> firstPage = out.read("$.page1[*].id");
        List<String> secondPage = out.read("$.page2[*].id");
        assertThat(firstPage).hasSize(2);
        assertThat(secondPage).hasSize(2).doesNotContainAnyElementsOf(firstPage);
        // the test clock stands still, so all four share one time: check the pages cover them all
        List<String> created = out.read("$.created[*].id");
        assertThat(concat(firstPage, secondPage)).containsExactlyInAnyOrderElementsOf(created);
        assertThat(out.read("$.expanded[*].person.email", List.class))
                .containsExactlyInAnyOrder(mail("ann"), mail("ann"), mail("bob"), mail("cy"));
    }

    private void assertMetricsAgreeWithAnalytics(DocumentContext out, long since, long until) throws Exception {
        String surveyId = JsonPath.read(
                getJson("/api/v1/surveys").andReturn().getResponse().getContentAsString(), "$.items[0].id");
        String query = "/api/v1/analytics/nps?survey_id=" + surveyId + "&since=" + Instant.ofEpochSecond(since)
                + "&until=" + Instant.ofEpochSecond(until);
        DocumentContext analytics =
                JsonPath.parse(getJson(query).andReturn().getResponse().getContentAsString());
        assertThat(out.read("$.metrics.response_count", Integer.class)).isEqualTo(4);
        assertThat(analytics.read("$.responses", Integer.class)).isEqualTo(4);
        assertThat(out.read("$.metrics.nps", Long.class))
                .isEqualTo(Math.round(analytics.read("$.nps", Double.class)))
                .isEqualTo(25L);
        assertThat(out.read("$.metrics.promoter_count", Integer.class))
                .isEqualTo(analytics.read("$.promoters", Integer.class));
        assertThat(out.read("$.metrics.passive_count", Integer.class))
                .isEqualTo(analytics.read("$.passives", Integer.class));
        assertThat(out.read("$.metrics.detractor_count", Integer.class))
                .isEqualTo(analytics.read("$.detractors", Integer.class));
        assertThat(out.read("$.metrics.promoter_percent", Double.class))
                .isEqualTo(analytics.read("$.shares.promoters", Double.class));
        assertThat(out.read("$.allTimeMetrics.response_count", Integer.class)).isEqualTo(4);
    }

    /** {@code npm install} into the temporary folder; a registry that cannot be reached skips, unless required. */
    private void installClient() throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"private\":true}");
        Process npm = new ProcessBuilder(
                        "npm", "install", CLIENT, "--no-audit", "--no-fund", "--no-package-lock", "--loglevel=error")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String log = read(npm.getInputStream());
        boolean done = npm.waitFor(120, TimeUnit.SECONDS);
        if (!done || npm.exitValue() != 0) {
            npm.destroyForcibly();
            String reason = "npm install " + CLIENT + " failed: " + log;
            if (NodeAvailable.required()) {
                fail(reason);
            }
            Assumptions.abort("Node.js client suite skipped: " + reason);
        }
    }

    private String runScript(long since, long until) throws Exception {
        Path script = dir.resolve("client-check.js");
        try (InputStream in = getClass().getResourceAsStream("/delighted/client-check.js")) {
            Files.write(script, in.readAllBytes());
        }
        ProcessBuilder builder = new ProcessBuilder("node", script.toString()).directory(dir.toFile());
        builder.environment().put("OPENNPS_PORT", Integer.toString(port));
        builder.environment().put("OPENNPS_KEY", key);
        builder.environment().put("OPENNPS_SINCE", Long.toString(since));
        builder.environment().put("OPENNPS_UNTIL", Long.toString(until));
        builder.environment().put("OPENNPS_DOMAIN", domain);
        builder.redirectError(dir.resolve("stderr.txt").toFile());
        Process node = builder.start();
        String output = read(node.getInputStream());
        if (!node.waitFor(60, TimeUnit.SECONDS)) {
            node.destroyForcibly();
            fail("the client script did not finish within 60 s");
        }
        String stderr = Files.readString(dir.resolve("stderr.txt"));
        assertThat(node.exitValue())
                .as("client script failed: %s %s", output, stderr)
                .isZero();
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
