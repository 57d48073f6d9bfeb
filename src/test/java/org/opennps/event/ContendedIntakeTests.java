package org.opennps.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactService;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Concurrent intake batches that share contacts: none fails, every event is stored once, and
 * each contact ends with the attributes of its latest event by {@code occurred_at}, whatever
 * order the batches commit in. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class ContendedIntakeTests extends ApiTestBase {

    private static final int CLIENTS = 8;
    private static final int BATCHES = 6;
    private static final int CONTACTS = 20;

    @LocalServerPort
    int port;

    @Autowired
    EventIntakeService intake;

    @Autowired
    ContactService contacts;

    @Autowired
    IntakeContention contention;

    @Autowired
    DataSource dataSource;

    @Test
    void eightClientsOnTwentySharedContactsAllSucceedAndKeepTheLatestAttributes() throws Exception {
        Instant base = Instant.parse("2026-11-01T00:00:00Z");
        // Every event gets its own time; times are shuffled so batches commit out of event order.
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < CLIENTS * BATCHES * CONTACTS; i++) {
            offsets.add(i);
        }
        Collections.shuffle(offsets, new Random(20));
        Map<Integer, Integer> latestOffset = new HashMap<>();
        Map<Integer, String> latestValue = new HashMap<>();
        List<List<String>> bodies = new ArrayList<>();
        Random order = new Random(13);
        int n = 0;
        for (int client = 0; client < CLIENTS; client++) {
            List<String> batches = new ArrayList<>();
            for (int batch = 0; batch < BATCHES; batch++) {
                List<Integer> people = new ArrayList<>();
                for (int c = 0; c < CONTACTS; c++) {
                    people.add(c);
                }
                Collections.shuffle(people, order);
                StringBuilder body = new StringBuilder("{\"events\":[");
                for (int p = 0; p < people.size(); p++) {
                    int c = people.get(p);
                    int offset = offsets.get(n++);
                    String value = "k" + client + "-" + batch;
                    if (latestOffset.getOrDefault(c, -1) < offset) {
                        latestOffset.put(c, offset);
                        latestValue.put(c, value);
                    }
                    body.append(p == 0 ? "" : ",")
                            .append(json("{'id':'e-" + client + "-" + batch + "-" + c + "','type':'page.view',"
                                    + "'occurred_at':'" + base.plusSeconds(offset) + "',"
                                    + "'contact':{'external_id':'shared-" + c + "','attributes':{'last':'" + value
                                    + "'}}}"));
                }
                batches.add(body.append("]}").toString());
            }
            bodies.add(batches);
        }

        HttpClient http = HttpClient.newHttpClient();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        try (var pool = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (List<String> batches : bodies) {
                Callable<Integer> client = () -> {
                    int accepted = 0;
                    for (String body : batches) {
                        HttpResponse<String> response = http.send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/events"))
                                        .header("Authorization", "Bearer " + key)
                                        .header("Content-Type", "application/json")
                                        .timeout(Duration.ofSeconds(60))
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 202) {
                            failures.add(response.statusCode() + " " + response.body());
                        } else {
                            accepted += Integer.parseInt(response.body().replaceAll(".*\"accepted\":(\\d+).*", "$1"));
                        }
                    }
                    return accepted;
                };
                results.add(pool.submit(client));
            }
            int accepted = 0;
            for (Future<Integer> result : results) {
                accepted += result.get(5, TimeUnit.MINUTES);
            }
            assertThat(failures).isEmpty();
            assertThat(accepted).isEqualTo(CLIENTS * BATCHES * CONTACTS);
        }

        UUID ws = workspace.workspace().id();
        assertThat(intake.count(ws)).isEqualTo(CLIENTS * BATCHES * CONTACTS);
        assertThat(contacts.list(ws, null, org.opennps.shared.PageResult.Request.of(1, 100))
                        .total())
                .isEqualTo(CONTACTS);
        for (int c = 0; c < CONTACTS; c++) {
            Contact contact = contacts.findByExternalId(ws, "shared-" + c).orElseThrow();
            assertThat(contact.attributes()).as("shared-" + c).containsEntry("last", latestValue.get(c));
        }
    }

    @Test
    void anOlderEventArrivingLateOnlyFillsWhatIsEmpty() throws Exception {
        postJson(
                        "/api/v1/events",
                        json("{'type':'order.placed','occurred_at':'2026-11-02T10:00:00Z',"
                                + "'contact':{'external_id':'late','attributes':{'plan':'pro'}}}"))
                .andExpect(status().isAccepted());
        postJson(
                        "/api/v1/events",
                        json(
                                "{'type':'order.placed','occurred_at':'2026-11-02T09:00:00Z',"
                                        + "'contact':{'external_id':'late','name':'Ada','attributes':{'plan':'free','city':'Oslo'}}}"))
                .andExpect(status().isAccepted());
        Contact contact =
                contacts.findByExternalId(workspace.workspace().id(), "late").orElseThrow();
        assertThat(contact.attributes()).containsEntry("plan", "pro").containsEntry("city", "Oslo");
        assertThat(contact.name()).isEqualTo("Ada");
    }

    @Test
    void aBatchThatCannotGetItsContactsIsRefusedWith503AndStoresNothing() throws Exception {
        postJson("/api/v1/events", json("{'type':'page.view','contact':{'external_id':'held'}}"))
                .andExpect(status().isAccepted());
        UUID ws = workspace.workspace().id();
        int attempts = contention.attempts();
        Duration lockTimeout = contention.lockTimeout();
        contention.set(2, Duration.ofMillis(200));
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement(
                    "select id from contact where workspace_id = ? and external_id = 'held' for update")) {
                lock.setObject(1, ws);
                lock.executeQuery().close();
            }
            postJson(
                            "/api/v1/events",
                            json("{'events':[{'id':'busy-1','type':'page.view','contact':{'external_id':'new-one'}},"
                                    + "{'id':'busy-2','type':'page.view','contact':{'external_id':'held',"
                                    + "'attributes':{'plan':'pro'}}}]}"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "1"))
                    .andExpect(jsonPath("$.status").value(503));
            holder.rollback();
        } finally {
            contention.set(attempts, lockTimeout);
        }
        assertThat(intake.count(ws)).isEqualTo(1);
        assertThat(contacts.findByExternalId(ws, "new-one")).isEmpty();
    }
}
