package org.opennps.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.shared.InvalidInputException;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;

/** Who answered what: contact sets for "we listened" campaigns; run on H2 and PostgreSQL. */
abstract class RespondentQueryTests extends ApiTestBase {

    static final Instant T = Instant.parse("2026-11-10T10:00:00Z");
    static final Instant SINCE = T.minus(Duration.ofDays(1));
    static final Instant UNTIL = T.plus(Duration.ofDays(1));

    static final UUID SURVEY = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    static final UUID OTHER_SURVEY = UUID.fromString("00000000-0000-0000-0000-0000000000f2");

    static final UUID PASSIVE_PRICING = new UUID(0, 1);
    static final UUID PASSIVE_SUPPORT = new UUID(0, 2);
    static final UUID DETRACTOR_LATE = new UUID(0, 3);
    static final UUID PROMOTER_FAST = new UUID(0, 4);
    static final UUID PASSIVE_PRICING_LONG_AGO = new UUID(0, 5);
    static final UUID PASSIVE_PRICING_UNCONFIRMED = new UUID(0, 6);
    static final UUID PASSIVE_PRICING_OTHER_SURVEY = new UUID(0, 7);

    @Autowired
    AnalyticsProjection projection;

    @Autowired
    AnalyticsService analytics;

    UUID ws;

    @BeforeEach
    void answers() {
        ws = workspace.workspace().id();
        answer(PASSIVE_PRICING, SURVEY, 7, "Pricing", "The price is too high for what it is", T, true);
        answer(PASSIVE_PRICING, SURVEY, 10, null, null, T.plusSeconds(60), true);
        answer(PASSIVE_SUPPORT, SURVEY, 8, "Support", "Support was slow to answer", T, true);
        answer(DETRACTOR_LATE, SURVEY, 3, "Pricing", "Late deliveries again, and pricey", T, true);
        answer(PROMOTER_FAST, SURVEY, 10, null, "Fast delivery, thanks", T, true);
        answer(PASSIVE_PRICING_LONG_AGO, SURVEY, 7, "Pricing", null, T.minus(Duration.ofDays(10)), true);
        answer(PASSIVE_PRICING_UNCONFIRMED, SURVEY, 7, "Pricing", null, T, false);
        answer(PASSIVE_PRICING_OTHER_SURVEY, OTHER_SURVEY, 7, "Pricing", null, T, true);
    }

    @Test
    void passivesWhoChosePricingInThePeriod() {
        assertThat(analytics.respondents(
                        ws, new RespondentQuery(SURVEY, Set.of("passive"), Set.of("Pricing"), null, SINCE, UNTIL)))
                .containsExactly(PASSIVE_PRICING);
        assertThat(analytics.respondents(
                        ws, new RespondentQuery(null, Set.of("passive"), Set.of("pricing"), Set.of(), SINCE, UNTIL)))
                .containsExactly(PASSIVE_PRICING, PASSIVE_PRICING_OTHER_SURVEY);
        assertThat(analytics.respondents(
                        ws, new RespondentQuery(SURVEY, Set.of("passive"), Set.of("Pricing"), null, null, null)))
                .containsExactly(PASSIVE_PRICING, PASSIVE_PRICING_LONG_AGO);
    }

    @Test
    void everyRestrictionMustHoldForOneResponse() {
        // PASSIVE_PRICING also answered 10 without an area: no single promoter answer chose Pricing
        assertThat(analytics.respondents(
                        ws, new RespondentQuery(SURVEY, Set.of("promoter"), Set.of("Pricing"), null, SINCE, UNTIL)))
                .isEmpty();
        assertThat(analytics.respondents(ws, new RespondentQuery(SURVEY, Set.of("promoter"), null, null, SINCE, UNTIL)))
                .containsExactly(PASSIVE_PRICING, PROMOTER_FAST);
        assertThat(analytics.respondents(
                        ws,
                        new RespondentQuery(
                                SURVEY, Set.of("passive", "detractor"), Set.of("Pricing"), null, SINCE, UNTIL)))
                .containsExactly(PASSIVE_PRICING, DETRACTOR_LATE);
    }

    @Test
    void themesMatchTheCommentsByStem() {
        assertThat(analytics.respondents(
                        ws, new RespondentQuery(null, null, null, Set.of("late delivery"), SINCE, UNTIL)))
                .containsExactly(DETRACTOR_LATE);
        assertThat(analytics.respondents(ws, new RespondentQuery(null, null, null, Set.of("Delivery"), SINCE, UNTIL)))
                .containsExactly(DETRACTOR_LATE, PROMOTER_FAST);
        assertThat(analytics.respondents(
                        ws, new RespondentQuery(null, Set.of("passive"), null, Set.of("slow", "price"), SINCE, UNTIL)))
                .containsExactly(PASSIVE_PRICING, PASSIVE_SUPPORT);
        assertThat(analytics.respondents(
                        ws, new RespondentQuery(null, Set.of("promoter"), null, Set.of("late delivery"), null, null)))
                .isEmpty();
    }

    @Test
    void withoutRestrictionsEveryCountedRespondentQualifies() {
        assertThat(analytics.respondents(ws, new RespondentQuery(null, null, null, null, null, null)))
                .containsExactly(
                        PASSIVE_PRICING,
                        PASSIVE_SUPPORT,
                        DETRACTOR_LATE,
                        PROMOTER_FAST,
                        PASSIVE_PRICING_LONG_AGO,
                        PASSIVE_PRICING_OTHER_SURVEY);
        UUID other = testWorkspaces.create().workspace().id();
        assertThat(analytics.respondents(other, new RespondentQuery(null, null, null, null, null, null)))
                .isEmpty();
    }

    @Test
    void unknownCategoriesAndAreasAreNamed() {
        assertThatThrownBy(() -> analytics.respondents(
                        ws, new RespondentQuery(null, Set.of("neutral"), Set.of("Shipping"), null, null, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactlyInAnyOrder("categories", "areas"));
        assertThatThrownBy(() ->
                        analytics.respondents(ws, new RespondentQuery(null, null, null, Set.of("the"), UNTIL, SINCE)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactlyInAnyOrder("themes", "until"));
    }

    private void answer(
            UUID contact, UUID survey, int score, String area, String comment, Instant at, boolean confirmed) {
        Map<String, Object> answers = new HashMap<>();
        if (area != null) {
            answers.put("area", area);
        }
        if (comment != null) {
            answers.put("why", comment);
        }
        projection.record(new ResponseFact(
                ws,
                UUID.randomUUID(),
                survey,
                null,
                null,
                contact,
                "email",
                score,
                null,
                confirmed,
                answers,
                Map.of(),
                Map.of(),
                "en",
                at,
                at.plusSeconds(30),
                at.plusSeconds(30),
                new Answers.Kinds("area", Set.of("why"))));
    }
}
