package org.opennps.analytics;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.opennps.analytics.AnalyticsFixtures.changed;
import static org.opennps.analytics.AnalyticsFixtures.scored;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/** NPS, trends, segments and comparisons through the API; run on H2 and PostgreSQL. */
abstract class AnalyticsApiTests extends ApiTestBase {

    static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Autowired
    AnalyticsProjection projection;

    @Autowired
    Rollups rollups;

    UUID ws;

    @BeforeEach
    void workspaceId() {
        ws = workspace.workspace().id();
    }

    @Test
    void onlyConfirmedScoredAnswersCount() throws Exception {
        for (int score : new int[] {10, 9, 9, 7, 3, 0}) {
            projection.record(scored(ws, score, T));
        }
        ResponseFact clicked = scored(ws, 10, T);
        projection.record(changed(clicked, 10, false, T));
        projection.record(changed(scored(ws, 5, T), null, true, T));

        getJson("/api/v1/analytics/nps")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.responses").value(6))
                .andExpect(jsonPath("$.promoters").value(3))
                .andExpect(jsonPath("$.passives").value(1))
                .andExpect(jsonPath("$.detractors").value(2))
                .andExpect(jsonPath("$.nps").value(16.67))
                .andExpect(jsonPath("$.shares.promoters").value(50.0))
                .andExpect(jsonPath("$.ci95", hasSize(2)))
                .andExpect(jsonPath("$.low_n").value(true));
    }

    @Test
    void anOlderStateNeverOverwritesANewerOne() throws Exception {
        ResponseFact first = scored(ws, 9, T);
        projection.record(changed(first, 9, true, T.plusSeconds(60)));
        projection.record(changed(first, 2, true, T.plusSeconds(30)));
        getJson("/api/v1/analytics/nps").andExpect(jsonPath("$.promoters").value(1));

        projection.record(changed(first, 2, true, T.plusSeconds(90)));
        getJson("/api/v1/analytics/nps")
                .andExpect(jsonPath("$.promoters").value(0))
                .andExpect(jsonPath("$.detractors").value(1));
    }

    @Test
    void noAnswersGiveNoScore() throws Exception {
        getJson("/api/v1/analytics/nps")
                .andExpect(jsonPath("$.responses").value(0))
                .andExpect(jsonPath("$.nps", nullValue()))
                .andExpect(jsonPath("$.ci95", nullValue()))
                .andExpect(jsonPath("$.low_n").value(true));
    }

    @Test
    void segmentsComeFromTheSnapshotAtAnsweringTime() throws Exception {
        projection.record(
                scored(ws, UUID.randomUUID(), 10, T, Map.of("city", "Warsaw"), Map.of("shipment_type", "courier")));
        projection.record(
                scored(ws, UUID.randomUUID(), 2, T, Map.of("city", "Warsaw"), Map.of("shipment_type", "locker")));
        projection.record(
                scored(ws, UUID.randomUUID(), 9, T, Map.of("city", "Krakow"), Map.of("shipment_type", "courier")));

        getJson("/api/v1/analytics/nps?where=city:Warsaw")
                .andExpect(jsonPath("$.responses").value(2));
        getJson("/api/v1/analytics/nps?where=attribute:city:Warsaw")
                .andExpect(jsonPath("$.nps").value(0.0));
        getJson("/api/v1/analytics/nps?where=property:shipment_type:courier&where=city:Warsaw")
                .andExpect(jsonPath("$.responses").value(1))
                .andExpect(jsonPath("$.nps").value(100.0));
        getJson("/api/v1/analytics/nps?where=city:Gdansk")
                .andExpect(jsonPath("$.responses").value(0));
    }

    @Test
    void lateUtcAnswerLandsInTheNextLocalDay() throws Exception {
        // the test workspace is in Europe/Warsaw (UTC+1 in November): 23:30 UTC is 00:30 next day
        projection.record(scored(ws, 10, Instant.parse("2026-11-20T23:30:00Z")));
        projection.record(scored(ws, 0, Instant.parse("2026-11-20T22:59:59Z")));

        getJson("/api/v1/analytics/nps?interval=day&since=2026-11-19&until=2026-11-22")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.time_zone").value("Europe/Warsaw"))
                .andExpect(jsonPath("$.series", hasSize(3)))
                .andExpect(jsonPath("$.series[0].start").value("2026-11-19T00:00:00+01:00"))
                .andExpect(jsonPath("$.series[0].responses").value(0))
                .andExpect(jsonPath("$.series[0].nps", nullValue()))
                .andExpect(jsonPath("$.series[1].detractors").value(1))
                .andExpect(jsonPath("$.series[1].promoters").value(0))
                .andExpect(jsonPath("$.series[2].start").value("2026-11-21T00:00:00+01:00"))
                .andExpect(jsonPath("$.series[2].promoters").value(1))
                .andExpect(jsonPath("$.series[2].ci95", hasSize(2)));
    }

    @Test
    void weeksStartOnMondayAndMonthsFollowTheCalendar() throws Exception {
        projection.record(scored(ws, 9, Instant.parse("2026-11-22T23:30:00Z"))); // Mon 23 Nov 00:30 local
        projection.record(scored(ws, 8, Instant.parse("2026-11-22T22:00:00Z"))); // Sun 22 Nov 23:00 local

        getJson("/api/v1/analytics/nps?interval=week&since=2026-11-18&until=2026-11-30")
                .andExpect(jsonPath("$.series", hasSize(2)))
                .andExpect(jsonPath("$.series[0].start").value("2026-11-16T00:00:00+01:00"))
                .andExpect(jsonPath("$.series[0].passives").value(1))
                .andExpect(jsonPath("$.series[1].start").value("2026-11-23T00:00:00+01:00"))
                .andExpect(jsonPath("$.series[1].promoters").value(1));
        // across the end of summer time: October has 31 days and starts at +02:00
        getJson("/api/v1/analytics/nps?interval=month&since=2026-10-15&until=2026-12-01")
                .andExpect(jsonPath("$.series", hasSize(2)))
                .andExpect(jsonPath("$.series[0].start").value("2026-10-01T00:00:00+02:00"))
                .andExpect(jsonPath("$.series[1].start").value("2026-11-01T00:00:00+01:00"))
                .andExpect(jsonPath("$.series[1].responses").value(2));
    }

    @Test
    void groupsAreSortedByResponsesAndFlaggedWhenDifferent() throws Exception {
        for (int i = 0; i < 40; i++) {
            projection.record(scored(ws, UUID.randomUUID(), 10, T, Map.of("city", "Warsaw"), Map.of()));
            projection.record(scored(ws, UUID.randomUUID(), 1, T, Map.of("city", "Lodz"), Map.of()));
        }
        projection.record(scored(ws, UUID.randomUUID(), 1, T, Map.of("city", "Lodz"), Map.of()));
        projection.record(scored(ws, UUID.randomUUID(), 8, T, Map.of("city", "Gdansk"), Map.of()));
        projection.record(scored(ws, UUID.randomUUID(), 8, T, Map.of(), Map.of()));

        getJson("/api/v1/analytics/nps?group_by=attribute:city")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.group_by").value("attribute:city"))
                .andExpect(jsonPath("$.groups", hasSize(4)))
                .andExpect(jsonPath("$.groups[0].key").value("Lodz"))
                .andExpect(jsonPath("$.groups[0].responses").value(41))
                .andExpect(jsonPath("$.groups[0].significant").value(true))
                .andExpect(jsonPath("$.groups[0].low_n").value(false))
                .andExpect(jsonPath("$.groups[1].key").value("Warsaw"))
                .andExpect(jsonPath("$.groups[1].nps").value(100.0))
                .andExpect(jsonPath("$.groups[2].key").value("Gdansk"))
                .andExpect(jsonPath("$.groups[2].low_n").value(true))
                .andExpect(jsonPath("$.groups[2].significant").value(false))
                .andExpect(jsonPath("$.groups[3].key", nullValue()));
    }

    @Test
    void comparingTwoPeriodsGivesZAndPValue() throws Exception {
        // A (November): 80 P, 65 N, 55 D; B (October): 60 P, 70 N, 70 D — z = 2.1524, p = 0.0314 (see NpsMathTest)
        record(80, 65, 55, Instant.parse("2026-11-10T10:00:00Z"));
        record(60, 70, 70, Instant.parse("2026-10-10T10:00:00Z"));

        getJson("/api/v1/analytics/compare?a.since=2026-11-01&a.until=2026-12-01&b.since=2026-10-01&b.until=2026-11-01")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.a.nps").value(12.5))
                .andExpect(jsonPath("$.b.nps").value(-5.0))
                .andExpect(jsonPath("$.difference").value(17.5))
                .andExpect(jsonPath("$.z").value(2.1524))
                .andExpect(jsonPath("$.p_value", closeTo(new BigDecimal("0.031369"), new BigDecimal("0.00001"))))
                .andExpect(jsonPath("$.significant").value(true));
    }

    @Test
    void dailyRollupAndFactTableGiveTheSameNumbers() throws Exception {
        java.util.Random random = new java.util.Random(7);
        String[] cities = {"Warsaw", "Krakow", "Gdansk"};
        for (int i = 0; i < 60; i++) {
            Instant at = T.plusSeconds(random.nextInt(20 * 86400));
            ResponseFact f = scored(
                    ws, UUID.randomUUID(), random.nextInt(11), at, Map.of("city", cities[random.nextInt(3)]), Map.of());
            projection.record(f);
            if (i % 4 == 0) {
                // a later change: new score, sometimes unconfirmed, and the snapshot dropped (erasure)
                ResponseFact later = changed(f, random.nextInt(11), i % 8 != 0, at.plusSeconds(60));
                projection.record(i % 12 == 0 ? AnalyticsFixtures.withoutSnapshot(later) : later);
            }
        }
        // since at local midnight reads the rollup; one second later forces the fact table
        for (String query : new String[] {"", "&group_by=attribute:city", "&interval=day", "&where=city:Warsaw"}) {
            String rollup = body("/api/v1/analytics/nps?since=2026-11-01&until=2026-12-31" + query);
            String facts = body("/api/v1/analytics/nps?since=2026-10-31T23:00:01Z&until=2026-12-30T23:00:00Z" + query);
            org.assertj.core.api.Assertions.assertThat(rollup.replace("2026-11-01T00:00:00+01:00", "START"))
                    .isEqualTo(facts.replace("2026-11-01T00:00:00+01:00", "START"));
        }
        org.assertj.core.api.Assertions.assertThat(body("/api/v1/analytics/nps"))
                .contains("\"responses\":");
    }

    private String body(String path) throws Exception {
        return getJson(path)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void anotherWorkspaceSeesNothing() throws Exception {
        UUID other = testWorkspaces.create().workspace().id();
        projection.record(scored(other, 10, T));
        getJson("/api/v1/analytics/nps").andExpect(jsonPath("$.responses").value(0));
    }

    @Test
    void badParametersAreNamed() throws Exception {
        getJson("/api/v1/analytics/nps?where=nocolon")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("where"));
        getJson("/api/v1/analytics/nps?interval=year")
                .andExpect(jsonPath("$.errors[0].field").value("interval"));
        getJson("/api/v1/analytics/nps?since=yesterday")
                .andExpect(jsonPath("$.errors[0].field").value("since"));
        getJson("/api/v1/analytics/nps?group_by=column:x")
                .andExpect(jsonPath("$.errors[0].field").value("group_by"));
        getJson("/api/v1/analytics/compare?a.survey_id=x")
                .andExpect(jsonPath("$.errors[0].field").value("a.survey_id"));
        getJson("/api/v1/analytics/nps?since=2026-11-02&until=2026-11-01").andExpect(status().isUnprocessableEntity());
    }

    private void record(int promoters, int passives, int detractors, Instant at) {
        for (int i = 0; i < promoters; i++) {
            projection.record(scored(ws, 10, at));
        }
        for (int i = 0; i < passives; i++) {
            projection.record(scored(ws, 7, at));
        }
        for (int i = 0; i < detractors; i++) {
            projection.record(scored(ws, 4, at));
        }
    }
}
