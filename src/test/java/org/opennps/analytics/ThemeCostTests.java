package org.opennps.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.opennps.analytics.AnalyticsFixtures.scored;
import static org.opennps.analytics.AnalyticsFixtures.withAnswers;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.SqlStatements;
import org.springframework.beans.factory.annotation.Autowired;

/** Themes from meaning with their cost in NPS, and the themes of one response; H2 and PostgreSQL. */
abstract class ThemeCostTests extends ApiTestBase {

    static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Autowired
    AnalyticsProjection projection;

    @Autowired
    SqlStatements statements;

    UUID ws;

    @BeforeEach
    void workspaceId() {
        ws = workspace.workspace().id();
    }

    @Test
    void eachThemeShowsWhatItCostsWithDistinctExamples() throws Exception {
        answer(3, 0, "Delivery was late", "Delivery");
        answer(3, 1, "The parcel arrived a week late", "Delivery");
        answer(2, 2, "Late delivery again!", null);
        answer(3, 3, "late delivery again", null);
        answer(7, 4, "Shipping costs are too high", "Pricing");
        answer(8, 5, "Good product but shipping is expensive", "Pricing");
        answer(10, 6, "Great product quality", "Product");
        answer(10, 7, "Helpful support", null);
        answer(9, 8, "Support was very helpful", "Support");
        answer(10, 9, "Love the product", "Product");
        answer(10, 10, null, null);
        answer(9, 11, null, null);

        // 12 answers: 6 promoters, 2 passives, 4 detractors: NPS 16.67
        String body = getJson("/api/v1/analytics/themes")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.themes", hasSize(4)))
                .andExpect(jsonPath("$.themes[0].id").value("delivery"))
                .andExpect(jsonPath("$.themes[0].label").value("late delivery"))
                .andExpect(jsonPath("$.themes[0].responses").value(4))
                .andExpect(jsonPath("$.themes[0].share").value(40.0))
                .andExpect(jsonPath("$.themes[0].categories.detractor").value(4))
                .andExpect(jsonPath("$.themes[0].categories.promoter").value(0))
                .andExpect(jsonPath("$.themes[0].nps").value(-100.0))
                .andExpect(jsonPath("$.themes[0].nps_without").value(75.0))
                .andExpect(jsonPath("$.themes[0].impact.difference").value(-175.0))
                .andExpect(jsonPath("$.themes[0].impact.significant").value(true))
                .andExpect(jsonPath("$.themes[0].complaints").value(4))
                .andExpect(jsonPath("$.themes[0].praise").value(0))
                .andExpect(jsonPath("$.themes[0].nps_if_detractors_passive").value(50.0))
                .andExpect(jsonPath("$.themes[0].gain").value(33.33))
                .andExpect(jsonPath("$.themes[0].examples", hasSize(3)))
                .andExpect(jsonPath("$.themes[0].areas[0].area").value("Delivery"))
                .andExpect(jsonPath("$.themes[0].areas[0].responses").value(2))
                .andExpect(jsonPath("$.themes[0].criticised.label").value("late delivery"))
                .andExpect(jsonPath("$.themes[0].praised.label").value("fast delivery"))
                .andExpect(jsonPath("$.themes[0].praised.examples", hasSize(0)))
                .andExpect(jsonPath("$.themes[1].id").value("product-quality"))
                .andExpect(jsonPath("$.themes[1].responses").value(3))
                // all three praise it ("Good product but shipping is expensive" too): no complaint to quote
                .andExpect(jsonPath("$.themes[1].criticised.label").value("poor quality"))
                .andExpect(jsonPath("$.themes[1].criticised.examples", hasSize(0)))
                .andExpect(jsonPath("$.themes[1].criticised.labels.pl").value("słaba jakość"))
                .andExpect(jsonPath("$.themes[1].praised.examples", hasSize(3)))
                // two mentions each: in id order
                .andExpect(jsonPath("$.themes[2].label").value("shipping costs"))
                .andExpect(jsonPath("$.themes[2].passive_gap").value(100.0))
                .andExpect(jsonPath("$.themes[3].label").value("helpful support"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> examples = JsonPath.read(body, "$.themes[0].examples[*].comment");
        // "Late delivery again!" and "late delivery again" say the same: only one of them is shown
        assertThat(examples.stream().map(e -> e.toLowerCase().replace("!", "")).distinct())
                .hasSize(3);
        List<Double> ci = JsonPath.read(body, "$.themes[0].impact.ci95");
        // adjusted Wald, as every NPS interval here: centred on -111.7 (3/4 of an answer added per
        // category), half-width 1.96 × √(0.459/7 + 0.384/11) × 100
        assertThat(ci.get(0)).isCloseTo(-173.8, org.assertj.core.data.Offset.offset(0.2));
        assertThat(ci.get(1)).isCloseTo(-49.6, org.assertj.core.data.Offset.offset(0.3));
        // the old per-category phrases stay for older clients
        getJson("/api/v1/analytics/themes").andExpect(jsonPath("$.categories", hasSize(3)));
    }

    @Test
    void polishCommentsGetPolishLabelsAndTheLocaleFilterKeepsOneLanguage() throws Exception {
        answer(2, 0, "Paczka przyszła tydzień po terminie, kurier się spóźnił", null);
        answer(3, 1, "Dostawa była opóźniona", null);
        answer(10, 2, "Obsługa klienta bardzo pomocna", null);
        answer(4, 3, "The courier was late", null);

        getJson("/api/v1/analytics/themes?locale=pl")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.themes", hasSize(2)))
                .andExpect(jsonPath("$.themes[0].label").value("opóźniona dostawa"))
                .andExpect(jsonPath("$.themes[0].responses").value(2))
                .andExpect(jsonPath("$.themes[1].label").value("pomocna obsługa"));
        getJson("/api/v1/analytics/themes")
                .andExpect(jsonPath("$.themes[0].label").value("late delivery"))
                .andExpect(jsonPath("$.themes[0].responses").value(3));
        getJson("/api/v1/analytics/themes?locale=de")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("locale"));
    }

    @Autowired
    ThemeRegrouping regrouping;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theRegroupingAnalysesOldCommentsAgainAndFindsThemesNoCueNames() throws Exception {
        answer(7, 0, "Please offer gift wrapping", null);
        answer(8, 1, "No gift wrapping option at all", null);
        answer(6, 2, "Gift wrapping would be nice.", null);
        answer(7, 3, "I wanted gift wrapping for Christmas", null);
        answer(9, 4, "Nice colours", null);
        answer(3, 5, "The parcel was late", null);
        // as if analysed by older cues: the re-grouping analyses it again
        jdbc.sql("delete from comment_theme where workspace_id = ?").param(ws).update();
        jdbc.sql("update comment_analysis set version = 0 where workspace_id = ?")
                .param(ws)
                .update();

        ThemeRegrouping.Result result = regrouping.regroup(ws, () -> false);

        assertThat(result.reanalysed()).isEqualTo(6);
        assertThat(result.discovered()).containsExactly("gift wrapping");
        getJson("/api/v1/analytics/themes")
                .andExpect(jsonPath("$.themes", hasSize(2)))
                .andExpect(jsonPath("$.themes[0].id").value("new:gift-wrap"))
                .andExpect(jsonPath("$.themes[0].label").value("gift wrapping"))
                .andExpect(jsonPath("$.themes[0].discovered").value(true))
                .andExpect(jsonPath("$.themes[0].responses").value(4))
                .andExpect(jsonPath("$.themes[1].id").value("delivery"));
        // a new comment naming the phrase joins the theme as it arrives
        answer(7, 6, "gift wrapping, please!", null);
        getJson("/api/v1/analytics/themes")
                .andExpect(jsonPath("$.themes[0].responses").value(5));
        assertThat(regrouping.regroup(ws, () -> false).reanalysed()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> regrouping.regroup(ws, () -> true))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theReportTakesAFixedNumberOfQueries() throws Exception {
        for (int i = 0; i < 30; i++) {
            answer(i % 11, i, i % 2 == 0 ? "Late delivery number " + i : "Great support, thanks " + i, null);
        }
        try (var sql = statements.record()) {
            getJson("/api/v1/analytics/themes").andExpect(jsonPath("$.themes", hasSize(2)));
            assertThat(sql.count(s -> s.contains("comment_theme"))).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void aRecordedResponseShowsItsThemesWithPraiseAndComplaint() throws Exception {
        String survey = JsonPath.read(
                postJson("/api/v1/surveys", AnalyticsEndToEndTests.SURVEY)
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        String created = postJson(
                        "/api/v1/responses",
                        json("{'survey_id':'" + survey + "','score':8,"
                                + "'answers':{'earn9':'Good product, shipping too expensive'}}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> getJson("/api/v1/responses/" + id).andExpect(jsonPath("$.themes", hasSize(2))));
        getJson("/api/v1/responses/" + id)
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.score").value(8))
                .andExpect(jsonPath("$.themes[*].id", containsInAnyOrder("shipping-cost", "product-quality")))
                .andExpect(jsonPath("$.themes[?(@.id == 'shipping-cost')].sentiment")
                        .value("negative"))
                .andExpect(
                        jsonPath("$.themes[?(@.id == 'shipping-cost')].label").value("shipping costs"))
                .andExpect(jsonPath("$.themes[?(@.id == 'product-quality')].sentiment")
                        .value("positive"));
    }

    private void answer(int score, int minutes, String comment, String area) {
        Map<String, Object> answers = new java.util.HashMap<>();
        if (comment != null) answers.put("why", comment);
        if (area != null) answers.put("area", area);
        projection.record(withAnswers(scored(ws, score, T.plusSeconds(60L * minutes)), answers));
    }
}
