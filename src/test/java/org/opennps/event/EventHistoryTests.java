package org.opennps.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennps.contact.ContactService;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/** The read side of the event log; run on H2 and on PostgreSQL by the subclasses. */
abstract class EventHistoryTests extends ApiTestBase {

    @Autowired
    EventHistory history;

    @Autowired
    ContactService contacts;

    @Test
    void pickUpOfTheSameOrderWithinTheWindowIsFound() throws Exception {
        postJson(
                "/api/v1/events",
                json("{'events':[{'id':'p1','type':'order.picked_up','contact':{'external_id':'a'},"
                        + "'properties':{'order_id':'o-9','n':9},'occurred_at':'2026-11-21T10:00:00Z'},"
                        + "{'id':'p2','type':'order.placed','contact':{'external_id':'a'},"
                        + "'occurred_at':'2026-11-20T10:00:00Z'}]}"));
        UUID ws = workspace.workspace().id();
        UUID ann = contacts.findByExternalId(ws, "a").orElseThrow().id();
        Instant from = Instant.parse("2026-11-20T00:00:00Z");
        Instant to = Instant.parse("2026-11-22T00:00:00Z");

        assertThat(history.exists(ws, ann, "order.picked_up", from, to, Map.of("order_id", "o-9")))
                .isTrue();
        assertThat(history.exists(ws, ann, "order.picked_up", from, to, Map.of("n", "9")))
                .isTrue();
        assertThat(history.exists(ws, ann, "order.picked_up", from, to, Map.of("order_id", "o-8")))
                .isFalse();
        assertThat(history.exists(ws, ann, "order.picked_up", to, to.plusSeconds(86400), Map.of()))
                .isFalse();
        assertThat(history.exists(UUID.randomUUID(), ann, "order.picked_up", from, to, Map.of()))
                .isFalse();

        assertThat(history.ofContact(ws, ann, 10)).extracting(ContactEvent::id).containsExactly("p1", "p2");
        assertThat(history.ofContacts(ws, List.of(ann), List.of("order.placed", "order.picked_up"), from, to))
                .extracting(ContactEvent::type)
                .containsExactly("order.placed", "order.picked_up");
    }
}
