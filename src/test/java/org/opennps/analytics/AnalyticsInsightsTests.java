package org.opennps.analytics;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.opennps.analytics.AnalyticsFixtures.scored;
import static org.opennps.analytics.AnalyticsFixtures.withAnswers;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.contact.ContactService;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/** Areas, themes, funnels and movement through the API; run on H2 and PostgreSQL. */
abstract class AnalyticsInsightsTests extends ApiTestBase {

    static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Autowired
    AnalyticsProjection projection;

    @Autowired
    ContactService contacts;

    UUID ws;

    @BeforeEach
    void workspaceId() {
        ws = workspace.workspace().id();
    }

    @Test
    void areasAreCountedPerCategory() throws Exception {
        answer(7, T, Map.of("area", "Pricing"));
        answer(8, T, Map.of("area", "Pricing"));
        answer(8, T, Map.of("topic", "Delivery"));
        answer(7, T, Map.of());
        answer(3, T, Map.of("area", "Support"));

        getJson("/api/v1/analytics/areas?category=passive")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.categories", hasSize(1)))
                .andExpect(jsonPath("$.categories[0].category").value("passive"))
                .andExpect(jsonPath("$.categories[0].responses").value(4))
                .andExpect(jsonPath("$.categories[0].answered").value(3))
                .andExpect(jsonPath("$.categories[0].areas[1].area").value("Pricing"))
                .andExpect(jsonPath("$.categories[0].areas[1].count").value(2))
                .andExpect(jsonPath("$.categories[0].areas[1].share").value(66.67))
                .andExpect(jsonPath("$.categories[0].areas[3].count").value(1));
        getJson("/api/v1/analytics/areas").andExpect(jsonPath("$.categories", hasSize(3)));
        getJson("/api/v1/analytics/areas?category=happy").andExpect(status().isUnprocessableEntity());
    }

    @Test
    void themesShowFrequentPhrasesWithNewestExamplesFirst() throws Exception {
        answer(7, T, Map.of("why", "Delivery was late again"));
        answer(8, T.plusSeconds(60), Map.of("why", "late delivery, otherwise fine"));
        answer(7, T.plusSeconds(120), Map.of("why", "The late delivery annoyed me"));
        answer(8, T.plusSeconds(180), Map.of("why", "Late delivery and the price is too high"));
        answer(7, T.plusSeconds(240), Map.of("why", "Prices are too expensive"));
        answer(10, T, Map.of("why", "Great support"));

        getJson("/api/v1/analytics/themes?category=passive")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.categories", hasSize(1)))
                .andExpect(jsonPath("$.categories[0].comments").value(5))
                .andExpect(jsonPath("$.categories[0].themes[0].theme").value("late delivery"))
                .andExpect(jsonPath("$.categories[0].themes[0].comments").value(3))
                .andExpect(jsonPath("$.categories[0].themes[0].area").value("Delivery"))
                .andExpect(jsonPath("$.categories[0].themes[0].examples", hasSize(3)))
                .andExpect(jsonPath("$.categories[0].themes[0].examples[0].text")
                        .value("Late delivery and the price is too high"))
                .andExpect(jsonPath("$.categories[0].areas[3].area").value("Delivery"))
                .andExpect(jsonPath("$.categories[0].areas[3].count").value(4));
        getJson("/api/v1/analytics/themes?category=detractor")
                .andExpect(jsonPath("$.categories[0].comments").value(0))
                .andExpect(jsonPath("$.categories[0].sentiment", nullValue()))
                .andExpect(jsonPath("$.categories[0].themes", hasSize(0)));
    }

    @Test
    void funnelShowsWherePassivesDropOffComparedWithPromoters() throws Exception {
        // promoters p1, p2 go all the way; passives n1 stops at the cart, n2 checks out too late
        event("p1", "page.view", "2026-11-01T10:00:00Z");
        event("p1", "cart.add", "2026-11-01T10:05:00Z");
        event("p1", "order.placed", "2026-11-01T10:10:00Z");
        event("p2", "page.view", "2026-11-02T10:00:00Z");
        event("p2", "cart.add", "2026-11-03T10:00:00Z");
        event("p2", "order.placed", "2026-11-04T10:00:00Z");
        event("n1", "page.view", "2026-11-01T10:00:00Z");
        event("n1", "cart.add", "2026-11-01T11:00:00Z");
        event("n2", "page.view", "2026-11-01T10:00:00Z");
        event("n2", "cart.add", "2026-11-02T10:00:00Z");
        event("n2", "order.placed", "2026-11-09T10:00:01Z");
        answerAs("p1", 9);
        answerAs("p2", 10);
        answerAs("n1", 7);
        answerAs("n2", 8);

        getJson("/api/v1/analytics/funnel?steps=page.view,cart.add,order.placed&within=P7D")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.within").value("P7D"))
                .andExpect(jsonPath("$.categories[1].category").value("passive"))
                .andExpect(jsonPath("$.categories[1].contacts").value(2))
                .andExpect(jsonPath("$.categories[1].steps[1].reached").value(2))
                .andExpect(jsonPath("$.categories[1].steps[2].reached").value(0))
                .andExpect(jsonPath("$.categories[2].steps[2].reached").value(2))
                .andExpect(jsonPath("$.categories[2].steps[2].conversion").value(100.0))
                .andExpect(jsonPath("$.passives_vs_promoters[2].type").value("order.placed"))
                .andExpect(jsonPath("$.passives_vs_promoters[2].difference").value(-100.0))
                .andExpect(jsonPath("$.categories[0].contacts").value(0));
        getJson("/api/v1/analytics/funnel?steps=page.view")
                .andExpect(jsonPath("$.errors[0].field").value("steps"));
        getJson("/api/v1/analytics/funnel?steps=a,b&within=7d")
                .andExpect(jsonPath("$.errors[0].field").value("within"));
    }

    @Test
    void passivesWhoLaterPromoteAreCounted() throws Exception {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID cy = UUID.randomUUID();
        projection.record(scored(ws, ann, 7, T, Map.of(), Map.of()));
        projection.record(scored(ws, ann, 10, T.plusSeconds(86400), Map.of(), Map.of()));
        projection.record(scored(ws, bob, 8, T, Map.of(), Map.of()));
        projection.record(scored(ws, bob, 6, T.plusSeconds(86400), Map.of(), Map.of()));
        projection.record(scored(ws, cy, 9, T, Map.of(), Map.of()));
        projection.record(scored(ws, cy, 8, T.plusSeconds(86400), Map.of(), Map.of()));
        projection.record(scored(ws, UUID.randomUUID(), 7, T, Map.of(), Map.of()));

        getJson("/api/v1/analytics/movement")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contacts_answered_twice").value(3))
                .andExpect(jsonPath("$.passives_later_promoters").value(1))
                .andExpect(jsonPath("$.passives_with_later_answer").value(2))
                .andExpect(jsonPath("$.promoters_later_passives").value(1))
                .andExpect(jsonPath("$.transitions[5].from").value("passive"))
                .andExpect(jsonPath("$.transitions[5].to").value("promoter"))
                .andExpect(jsonPath("$.transitions[5].count").value(1));
    }

    private void answer(int score, Instant at, Map<String, Object> answers) {
        projection.record(withAnswers(scored(ws, score, at), answers));
    }

    private void event(String externalId, String type, String at) throws Exception {
        postJson(
                        "/api/v1/events",
                        json("{'type':'" + type + "','contact':{'external_id':'" + externalId + "'},'occurred_at':'"
                                + at + "'}"))
                .andExpect(status().isAccepted());
    }

    private void answerAs(String externalId, int score) {
        UUID contact = contacts.findByExternalId(ws, externalId).orElseThrow().id();
        projection.record(scored(ws, contact, score, Instant.parse("2026-11-15T10:00:00Z"), Map.of(), Map.of()));
    }
}
