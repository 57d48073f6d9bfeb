package org.opennps.analytics;

import static org.opennps.analytics.AnalyticsFixtures.scored;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/** The sampling share for a precision per segment per month; run on H2 and PostgreSQL. */
abstract class SamplingPlanTests extends ApiTestBase {

    static final Instant UNTIL = Instant.parse("2026-11-20T00:00:00Z");
    static final String PERIOD = "&since=2026-08-22T00:00:00Z&until=2026-11-20T00:00:00Z";

    @Autowired
    AnalyticsProjection projection;

    UUID ws;

    @BeforeEach
    void workspaceId() {
        ws = workspace.workspace().id();
    }

    @Test
    void theShareIsWhatTheHardestSegmentNeeds() throws Exception {
        // 90 days at a 10 % sample: Warsaw 300 answers (150/60/90), Krakow 100 (50/20/30)
        answers("Warsaw", 150, 60, 90);
        answers("Krakow", 50, 20, 30);

        // Krakow: V' = 0.7536, n = (1.96 × 100 × 0.868 / 10)² − 3 = 286.5 a month;
        // it gives 100 / 2.957 months / 0.10 = 338.2 a month at full sampling: 84.7 % → 85 %
        getJson("/api/v1/analytics/sampling-plan?per=attribute:city&points=10&sampling_percent=10" + PERIOD)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.share_percent").value(85))
                .andExpect(jsonPath("$.reachable").value(true))
                .andExpect(jsonPath("$.months").value(2.96))
                .andExpect(jsonPath("$.segments[?(@.value == 'Krakow')].answers_per_month")
                        .value(Matchers.contains(Matchers.closeTo(33.82, 0.01))))
                .andExpect(jsonPath("$.segments[?(@.value == 'Krakow')].needed_per_month")
                        .value(Matchers.contains(Matchers.closeTo(286.47, 0.05))))
                .andExpect(jsonPath("$.segments[?(@.value == 'Krakow')].expected_half_width")
                        .value(Matchers.contains(Matchers.lessThanOrEqualTo(10.0))))
                .andExpect(jsonPath("$.segments[?(@.value == 'Warsaw')].expected_half_width")
                        .value(Matchers.contains(Matchers.lessThan(6.0))))
                .andExpect(jsonPath("$.segments[?(@.value == 'Krakow')].achieved_responses")
                        .value(Matchers.contains(Matchers.greaterThan(0))));
        // ±5 points per city a month needs about 1,160 answers per city: more than full sampling gives
        getJson("/api/v1/analytics/sampling-plan?per=attribute:city&points=5&sampling_percent=10" + PERIOD)
                .andExpect(jsonPath("$.share_percent").value(100))
                .andExpect(jsonPath("$.reachable").value(false));
    }

    @Test
    void badInputNamesTheField() throws Exception {
        getJson("/api/v1/analytics/sampling-plan?points=5")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("per"));
        getJson("/api/v1/analytics/sampling-plan?per=attribute:city&points=0")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("points"));
        getJson("/api/v1/analytics/sampling-plan?per=attribute:city&points=5&sampling_percent=abc")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("sampling_percent"));
    }

    private void answers(String city, int promoters, int passives, int detractors) {
        int total = promoters + passives + detractors;
        for (int i = 0; i < total; i++) {
            int score = i < promoters ? 10 : i < promoters + passives ? 8 : 2;
            // spread over the 90 days, newest first
            Instant at = UNTIL.minusSeconds(60 + (long) i * (90L * 86_400 - 120) / total);
            projection.record(scored(ws, UUID.randomUUID(), score, at, Map.of("city", city), Map.of()));
        }
    }
}
