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
        long now = clock.instant().getEpochSecond();
        long since = now - 3600;
        long until = now + 3600;

        DocumentContext out = JsonPath.parse(runScript(since, until, now));

        assertPeople(out, now);
        assertResponses(out);
        assertMetricsAgreeWithAnalytics(out, since, until);
        assertThat(out.read("$.unsubscribe.ok", Boolean.class)).isTrue();
        assertThat(out.read("$.unsubscribes[*].email", List.class)).containsExactly(mail("bob"));
        assertThat(out.read("$.bounces[*].person_id", List.class)).containsExactly(dan);
        assertThat(out.read("$.deleted.ok", Boolean.class)).isTrue();
        assertThat(out.read("$.deletedByPhone.ok", Boolean.class)).isTrue();
        assertThat(out.read("$.deletedById.ok", Boolean.class)).isTrue();
        for (String gone : List.of("gone", "gone2", "gone3")) {
            assertThat(contacts.findByEmail(workspace.workspace().id(), mail(gone)))
                    .as(gone)
                    .isEmpty();
        }
        // 404 is not among the client's named errors: it raises its general one, with the body
        assertThat(out.read("$.deleteUnknown.error.type", String.class)).isEqualTo("GeneralAPIError");
        assertThat(out.read("$.deleteUnknown.error.message", String.class)).contains("404");
        assertThat(out.read("$.missingResponse.error.message", String.class)).contains("404");
        assertThat(out.read("$.autopilot.error.message", String.class)).contains("403", "Autopilot");
        assertThat(out.read("$.autopilotMembers.error.message", String.class)).contains("403");
        assertThat(out.read("$.invalid.error.type", String.class)).isEqualTo("ResourceValidationError");
        assertThat(JsonPath.parse(out.read("$.invalid.error.message", String.class))
                        .read("$.errors.email[0]", String.class))
                .isEqualTo("is required");
        assertThat(out.read("$.invalidScore.error.message", String.class)).contains("score");
        assertThat(out.read("$.emailMetrics.error.type", String.class)).isEqualTo("ResourceValidationError");
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
        assertThat(out.read("$.ann.properties['Purchase Experience']", String.class))
                .isEqualTo("Mobile App");
        assertThat(out.read("$.ann.properties.Interests", List.class)).containsExactly("Shoes", "Bags");
        assertThat(out.read("$.bob", Map.class)).doesNotContainKey("survey_scheduled_at");
        assertThat(out.read("$.cy.survey_scheduled_at", Long.class)).isNotNull();
        assertThat(out.read("$.deletePending.ok", Boolean.class)).isTrue();
        // four people over two pages of two: the client followed the Link cursor (the order is
        // the contract test's: here the test clock stands still, so all share one time)
        assertThat(out.read("$.people[*].email", List.class))
                .containsExactlyInAnyOrder(mail("dan"), mail("ann"), mail("bob"), mail("cy"));
        assertThat(out.read("$.peopleByEmail[*].email", List.class)).containsExactly(mail("bob"));
        assertThat(out.read("$.peopleByPhone[*].email", List.class)).containsExactly(mail("bob"));
        assertThat(out.read("$.peopleSince", List.class)).isEmpty();
        List<Number> next = out.read("$.people[?(@.email=='" + mail("ann") + "')].next_survey_scheduled_at");
        assertThat(next).extracting(Number::longValue).containsExactly(scheduled);
        assertThat(out.read("$.people[?(@.email=='" + mail("cy") + "')].next_survey_scheduled_at", List.class))
                .containsExactly((Object) null);
        String ann = out.read("$.ann.id");
        assertThat(out.read("$.retrievedPerson.id", String.class)).isEqualTo(ann);
        assertThat(out.read("$.retrievedPerson.properties.plan", String.class)).isEqualTo("pro");
        assertThat(out.read("$.savedPerson.name", String.class)).isEqualTo("Ann Smith");
        assertThat(contacts.get(workspace.workspace().id(), UUID.fromString(ann)))
                .satisfies(c -> assertThat(c.name()).isEqualTo("Ann Smith"))
                .satisfies(c -> assertThat(c.attributes())
                        .containsEntry("plan", "pro")
                        .containsEntry("city", "Warsaw")
                        .containsEntry("Purchase Experience", "Mobile App"));
    }

    private void assertResponses(DocumentContext out) {
        assertThat(out.read("$.created[*].score", List.class)).containsExactly(10, 9, 7, 3);
        assertThat(out.read("$.created[0].comment", String.class)).isEqualTo("Great");
        assertThat(out.read("$.created[0].person_properties.source", String.class))
                .isEqualTo("node");
        long since = out.read("$.backdated.created_at", Long.class);
        assertThat(since).isLessThan(Instant.now().getEpochSecond() - 86000);
        List<String> firstPage = out.read("$.page1[*].id");
        List<String> secondPage = out.read("$.page2[*].id");
        assertThat(firstPage).hasSize(2);
        assertThat(secondPage).hasSize(2).doesNotContainAnyElementsOf(firstPage);
        // oldest first: the backdated response leads the first page
        assertThat(firstPage.getFirst()).isEqualTo(out.read("$.backdated.id", String.class));
        assertThat(out.read("$.expanded[*].person.email", List.class))
                .containsExactlyInAnyOrder(mail("ann"), mail("ann"), mail("bob"), mail("cy"));
        assertThat(out.read("$.byPerson[*].comment", List.class)).containsExactly("Fine");
        assertThat(out.read("$.retrieved.id", String.class)).isEqualTo(out.read("$.created[0].id", String.class));
        assertThat(out.read("$.retrieved.person.email", String.class)).isEqualTo(mail("ann"));
        assertThat(out.read("$.saved.score", Integer.class)).isEqualTo(2);
        assertThat(out.read("$.saved.comment", String.class)).isEqualTo("Changed my mind");
        assertThat(out.read("$.saved.tags", List.class)).containsExactly("node");
        assertThat(out.read("$.saved.notes[0].text", String.class)).isEqualTo("Called from node");
        // updated_since reaches the response changed just now, not the one collected a day ago
        List<String> updated = out.read("$.updatedSince[*].id");
        assertThat(updated)
                .contains(out.read("$.created[1].id", String.class))
                .doesNotContain(out.read("$.backdated.id", String.class));
    }

    private void assertMetricsAgreeWithAnalytics(DocumentContext out, long since, long until) throws Exception {
        String surveyId = JsonPath.read(
                getJson("/api/v1/surveys").andReturn().getResponse().getContentAsString(), "$.items[0].id");
        String query = "/api/v1/analytics/nps?survey_id=" + surveyId + "&since=" + Instant.ofEpochSecond(since)
                + "&until=" + Instant.ofEpochSecond(until);
        DocumentContext analytics =
                JsonPath.parse(getJson(query).andReturn().getResponse().getContentAsString());
        // 10, 2 (saved from 9), 7 and 3: one promoter, one passive, two detractors
        assertThat(out.read("$.metrics.response_count", Integer.class)).isEqualTo(4);
        assertThat(analytics.read("$.responses", Integer.class)).isEqualTo(4);
        assertThat(out.read("$.metrics.nps", Long.class))
                .isEqualTo(Math.round(analytics.read("$.nps", Double.class)))
                .isEqualTo(-25L);
        assertThat(out.read("$.metrics.promoter_count", Integer.class))
                .isEqualTo(analytics.read("$.promoters", Integer.class));
        assertThat(out.read("$.metrics.passive_count", Integer.class))
                .isEqualTo(analytics.read("$.passives", Integer.class));
        assertThat(out.read("$.metrics.detractor_count", Integer.class))
                .isEqualTo(analytics.read("$.detractors", Integer.class))
                .isEqualTo(2);
        assertThat(out.read("$.metrics.promoter_percent", Object.class)).isEqualTo(25);
        assertThat(out.read("$.metrics.detractor_percent", Object.class)).isEqualTo(50);
        assertThat(out.read("$.allTimeMetrics.response_count", Integer.class)).isEqualTo(5);
        assertThat(out.read("$.coreMetrics.response_count", Integer.class)).isEqualTo(5);
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

    private String runScript(long since, long until, long now) throws Exception {
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
        builder.environment().put("OPENNPS_NOW", Long.toString(now));
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

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
