package org.opennps.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.RecordedEvents;
import org.opennps.support.SqlStatements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/** The events API; run on H2 and on PostgreSQL by the subclasses. */
abstract class EventApiTests extends ApiTestBase {

    @Autowired
    EventIntakeService intake;

    @Autowired
    RecordedEvents recorded;

    @LocalServerPort
    int port;

    @Autowired
    SqlStatements statements;

    @Test
    void oneIntakeBatchIsAFewRoundTripsWhateverItsSize() throws Exception {
        StringBuilder batch = new StringBuilder("{'events':[");
        for (int i = 0; i < 100; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{'id':'budget-")
                    .append(i)
                    .append("','type':'page.view','contact':{'external_id':'budget-c-")
                    .append(i % 10)
                    .append("'}}");
        }
        batch.append("]}");
        try (var sql = statements.record()) {
            postJson("/api/v1/events", json(batch.toString())).andExpect(status().isAccepted());
            // The request's own statements; listeners that run after commit are budgeted elsewhere.
            // measured 6 on H2 and PostgreSQL (key, contacts read + batch insert, events batch,
            // publication); the budget is that plus about a fifth
            assertThat(sql.countOnThisThread()).as(sql.describe()).isBetween(1, 7);
        }
    }

    @Test
    void singleEventIsStoredAndAnnouncedWithItsContact() throws Exception {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        postJson(
                        "/api/v1/events",
                        json("{'id':'evt-123','type':'order.placed','contact':{'external_id':'c-1','email':'a@x.com',"
                                + "'attributes':{'city':'Warsaw'}},'properties':{'order_id':'o-9','shipment_type':'courier',"
                                + "'items':[{'sku':'A'}]}}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.duplicates").value(0));

        getJson("/api/v1/contacts?external_id=c-1")
                .andExpect(jsonPath("$.items[0].attributes.city").value("Warsaw"));
        EventsIngested announced = recorded.ofType(EventsIngested.class).stream()
                .filter(e -> e.workspaceId().equals(workspace.workspace().id()))
                .findFirst()
                .orElseThrow();
        IngestedEvent event = announced.events().getFirst();
        assertThat(event.id()).isEqualTo("evt-123");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(event.properties()).containsEntry("shipment_type", "courier");
    }

    @Test
    void repeatedIdIsCountedAsDuplicateAndStoredOnce() throws Exception {
        String event = json("{'id':'evt-1','type':'order.placed','contact':{'external_id':'c-1'},"
                + "'occurred_at':'2026-11-20T08:00:00+01:00'}");
        postJson("/api/v1/events", event).andExpect(jsonPath("$.accepted").value(1));
        postJson("/api/v1/events", event)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.duplicates").value(1));
        postJson("/api/v1/events", "{\"events\":[" + event + "," + event + "]}")
                .andExpect(jsonPath("$.duplicates").value(2));
        assertThat(intake.count(workspace.workspace().id())).isEqualTo(1);
    }

    @Test
    void batchOfAThousandIsStoredAndOneMoreIsRefused() throws Exception {
        postJson("/api/v1/events", batch(1000, 0))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.accepted").value(1000));
        postJson("/api/v1/events", batch(1001, 5000))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("events"));
        assertThat(intake.count(workspace.workspace().id())).isEqualTo(1000);
    }

    @Test
    void batchWithOneBadEventStoresNothingAndNamesEachFault() throws Exception {
        String body = json(
                "{'events':[{'id':'ok-1','type':'order.placed','contact':{'external_id':'c-1'}},"
                        + "{'id':'bad-1','contact':{'email':'nope'}},"
                        + "{'id':'bad-2','type':'x y','contact':{'external_id':'c-3'},'occurred_at':'yesterday','properties':[1]}]}");
        postJson("/api/v1/events", body)
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("events[1].type")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("events[1].contact.email")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("events[2].type")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("events[2].occurred_at")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("events[2].properties")));
        assertThat(intake.count(workspace.workspace().id())).isZero();
        getJson("/api/v1/contacts?external_id=c-1")
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void missingContactAndControlCharactersAreRejected() throws Exception {
        postJson("/api/v1/events", json("{'type':'order.placed'}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("contact"));
        postJson("/api/v1/events", json("{'type':'order.placed','contact':{'external_id':'a\\u0000b'}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("contact.external_id"));
        postJson(
                        "/api/v1/events",
                        json(
                                "{'type':'order.placed','contact':{'external_id':'c'},'properties':{'note':'\\u001b[31m'}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("properties"));
        assertThat(intake.count(workspace.workspace().id())).isZero();
    }

    @Test
    void malformedJsonOversizedBodyAndBadKeysGetProblems() throws Exception {
        postJson("/api/v1/events", "{\"events\":[")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        String huge = "{\"type\":\"x\",\"contact\":{\"external_id\":\"c\"},\"properties\":{\"pad\":\""
                + "x".repeat(11 * 1024 * 1024) + "\"}}";
        postJson("/api/v1/events", huge)
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post("/api/v1/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post("/api/v1/events")
                        .header("Authorization", "Bearer onps_this-key-does-not-exist-at-all")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/events")
                        .header(
                                "Authorization",
                                "Bearer " + workspace.workspace().publicKey())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/events")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post("/api/v1/events"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"));
    }

    @Test
    void sameBatchSentConcurrentlyIsStoredOnce() throws Exception {
        String body = batch(200, 0);
        HttpClient http = HttpClient.newHttpClient();
        Callable<Integer> send = () -> {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events"))
                            .header("Authorization", "Bearer " + key)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            return Integer.parseInt(response.body().replaceAll(".*\"accepted\":(\\d+).*", "$1"));
        };
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(send));
            }
            int accepted = 0;
            for (Future<Integer> result : results) {
                accepted += result.get();
            }
            assertThat(accepted).isEqualTo(200);
        }
        assertThat(intake.count(workspace.workspace().id())).isEqualTo(200);
    }

    /** {@code n} events with ids from {@code first}, spread over 50 contacts. */
    private static String batch(int n, int first) {
        return IntStream.range(first, first + n)
                .mapToObj(i -> json("{'id':'b-" + i + "','type':'page.view','contact':{'external_id':'c-" + (i % 50)
                        + "','attributes':{'plan':'pro'}},'properties':{'url':'/p/" + i + "'}}"))
                .collect(Collectors.joining(",", "{\"events\":[", "]}"));
    }
}
