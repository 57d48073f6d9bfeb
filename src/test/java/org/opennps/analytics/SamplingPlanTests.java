package org.opennps.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.opennps.analytics.AnalyticsFixtures.scored;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.List;
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
                        .value(Matchers.contains(Matchers.greaterThan(0))))
                // at 85 % Krakow's 338.2 answers a month at full sampling give 287.5
                .andExpect(jsonPath("$.segments[?(@.value == 'Krakow')].expected_per_month")
                        .value(Matchers.contains(Matchers.closeTo(287.47, 0.05))));
        // the achieved interval per calendar month in the workspace's zone (Europe/Warsaw): the
        // whole months September and October, then November so far
        String plan = body(
                getJson("/api/v1/analytics/sampling-plan?per=attribute:city&points=10&sampling_percent=10" + PERIOD));
        String krakow = "$.segments[?(@.value == 'Krakow')].achieved_months";
        assertThat(JsonPath.<List<String>>read(plan, krakow + "[*].month"))
                .containsExactly("2026-09", "2026-10", "2026-11");
        assertThat(JsonPath.<List<Boolean>>read(plan, krakow + "[*].whole")).containsExactly(true, true, false);
        assertThat(JsonPath.<List<String>>read(plan, krakow + "[0].since")).containsExactly("2026-08-31T22:00:00Z");
        assertThat(JsonPath.<List<String>>read(plan, krakow + "[2].until")).containsExactly("2026-11-20T00:00:00Z");
        // one answer every 0.9 days: 33 in September, 14 passives and 19 detractors (the oldest);
        // p' = 0.75 / 36, d' = 19.75 / 36, V' = 0.0208 + 0.5486 − 0.2786 = 0.2909,
        // 1.959964 × 100 × √(0.2909 / 36) = 17.62, wider than ±10
        assertThat(JsonPath.<List<Integer>>read(plan, krakow + "[0].responses")).containsExactly(33);
        assertThat(JsonPath.<List<Double>>read(plan, krakow + "[0].half_width"))
                .singleElement()
                .satisfies(w -> assertThat(w).isCloseTo(17.62, within(0.01)));
        assertThat(JsonPath.<List<Boolean>>read(plan, krakow + "[0].met")).containsExactly(false);
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

    @Test
    void aCampaignAskedForAPrecisionSamplesTheSharePlannedFromItsAnswers() throws Exception {
        String survey = id(postJson(
                "/api/v1/surveys",
                json("{'name':'NPS','questions':[{'id':'nps','type':'nps','text':'Recommend us?'}]}")));
        String campaign = id(postJson(
                "/api/v1/campaigns",
                precise(survey, "'status':'active','precision':{'points':30," + "'per':'attribute:city'}")));
        // no answers yet: everyone is asked (sampling_percent, default 100) until there are
        getJson("/api/v1/campaigns/" + campaign + "/sampling")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.precision.points").value(30.0))
                .andExpect(jsonPath("$.precision.per").value("attribute:city"))
                .andExpect(jsonPath("$.based_on").value("none"))
                .andExpect(jsonPath("$.share_percent").value(100));

        // the campaign's answers of the last 90 days, collected at 100 %; the plan is a day old
        clock.set(clock.instant().plus(java.time.Duration.ofDays(1)).plusSeconds(1));
        campaignAnswers(UUID.fromString(survey), UUID.fromString(campaign), "Warsaw", 150, 60, 90);
        campaignAnswers(UUID.fromString(survey), UUID.fromString(campaign), "Krakow", 50, 20, 30);
        int share = com.jayway.jsonpath.JsonPath.read(
                body(getJson("/api/v1/analytics/sampling-plan?per=attribute:city&points=30&campaign_id=" + campaign)),
                "$.share_percent");
        org.assertj.core.api.Assertions.assertThat(share).isBetween(2, 99);
        getJson("/api/v1/campaigns/" + campaign + "/sampling")
                .andExpect(jsonPath("$.based_on").value("campaign"))
                .andExpect(jsonPath("$.share_percent").value(share))
                .andExpect(jsonPath("$.reachable").value(true))
                .andExpect(jsonPath("$.segments[?(@.value == 'Krakow')].expected_half_width")
                        .value(Matchers.contains(Matchers.lessThanOrEqualTo(30.0))))
                .andExpect(jsonPath("$.segments[?(@.value == 'Krakow')].expected_per_month")
                        .value(Matchers.contains(Matchers.greaterThan(0.0))))
                .andExpect(jsonPath("$.segments[?(@.value == 'Krakow')].achieved_responses")
                        .value(Matchers.contains(Matchers.greaterThan(0))));
        // after: what the campaign's own answers achieved in each calendar month, the last one so far
        String sampling = body(getJson("/api/v1/campaigns/" + campaign + "/sampling"));
        List<Boolean> whole = JsonPath.read(sampling, "$.segments[?(@.value == 'Warsaw')].achieved_months[*].whole");
        assertThat(whole).hasSizeBetween(2, 3).endsWith(false);
        List<Integer> warsaw =
                JsonPath.read(sampling, "$.segments[?(@.value == 'Warsaw')].achieved_months[*].responses");
        assertThat(warsaw.stream().mapToInt(Integer::intValue).sum()).isBetween(150, 300);
        List<Boolean> met = JsonPath.read(sampling, "$.segments[?(@.value == 'Warsaw')].achieved_months[*].met");
        assertThat(met).contains(true);

        // ±50 points needs fewer answers: the new version is planned at once
        put("/api/v1/campaigns/" + campaign, precise(survey, "'precision':{'points':50,'per':'attribute:city'}"));
        int smaller = com.jayway.jsonpath.JsonPath.read(
                body(getJson("/api/v1/campaigns/" + campaign + "/sampling")), "$.share_percent");
        org.assertj.core.api.Assertions.assertThat(smaller).isBetween(1, share - 1);
        java.util.List<Integer> out = sampledOut(campaign);
        // people are asked exactly as a fixed share of that size asks them (sticky per contact)
        put("/api/v1/campaigns/" + campaign, precise(survey, "'sampling_percent':" + smaller));
        org.assertj.core.api.Assertions.assertThat(out).isNotEmpty().isEqualTo(sampledOut(campaign));
    }

    private static String precise(String survey, String fields) {
        return json("{'name':'Precise','survey_id':'" + survey + "','trigger':{'event_type':'order.placed'}," + fields
                + ",'steps':[{'type':'action','action':'email'}]}");
    }

    private void put(String path, String body) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path)
                        .header("Authorization", "Bearer " + key)
                        .contentType("application/json")
                        .content(body))
                .andExpect(status().isOk());
    }

    private static String body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }

    private static String id(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return com.jayway.jsonpath.JsonPath.read(body(result.andExpect(status().isCreated())), "$.id");
    }

    /** Which of 20 contacts a preview of the campaign leaves out of the sample. */
    private java.util.List<Integer> sampledOut(String campaign) throws Exception {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            postJson(
                    "/api/v1/events",
                    json("{'type':'page.view','contact':{'external_id':'p" + i + "','email':'p" + i + "@x.com'}}"));
            String preview = body(postJson(
                            "/api/v1/campaigns/" + campaign + "/preview",
                            json("{'event':{'type':'order.placed','contact':{'external_id':'p" + i + "'}}}"))
                    .andExpect(status().isOk()));
            if (preview.contains("suppressed: sampled_out")) out.add(i);
        }
        return out;
    }

    @Test
    void aPrecisionNamesItsFaults() throws Exception {
        postJson(
                        "/api/v1/campaigns",
                        json("{'name':'Precise','trigger':{'event_type':'order.placed'},"
                                + "'precision':{'points':0,'per':'city:Warsaw'},"
                                + "'steps':[{'type':'action','action':'message','subject':'Hi','body':'Hello'}]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem("precision.points")))
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem("precision.per")));
    }

    private void campaignAnswers(UUID survey, UUID campaign, String city, int promoters, int passives, int detractors) {
        Instant until = clock.instant();
        int total = promoters + passives + detractors;
        for (int i = 0; i < total; i++) {
            int score = i < promoters ? 10 : i < promoters + passives ? 8 : 2;
            Instant at = until.minusSeconds(60 + (long) i * (89L * 86_400) / total);
            ResponseFact f = scored(ws, UUID.randomUUID(), score, at, Map.of("city", city), Map.of());
            projection.record(new ResponseFact(
                    f.workspaceId(),
                    f.responseId(),
                    survey,
                    campaign,
                    null,
                    f.contactId(),
                    f.channel(),
                    f.score(),
                    f.category(),
                    f.confirmed(),
                    f.answers(),
                    f.contactAttributes(),
                    f.eventProperties(),
                    f.locale(),
                    f.startedAt(),
                    f.completedAt(),
                    f.updatedAt(),
                    f.kinds()));
        }
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
