package org.opennps.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennps.event.ContactEvent;

/** Plain rules of the analytics module: text analysis, areas, sentiment, funnels, buckets. */
class TextRulesTest {

    private final TextAnalysis analysis = new TextAnalysis();

    @Test
    void termsAreStemmedPairsWithoutStopWords() {
        List<String> keys = analysis.terms("The deliveries were late").stream()
                .map(TextAnalysis.Term::key)
                .toList();
        assertThat(keys).contains("deliveri", "late", "deliveri late").doesNotContain("the", "were");
        assertThat(analysis.terms("Late delivery")).contains(new TextAnalysis.Term("late deliveri", "late delivery"));
    }

    @Test
    void commentsFallIntoTheAreaTheyTalkAbout() {
        AreaClassifier classifier = new AreaClassifier(analysis);
        assertThat(classifier.classify("The courier delivered the parcel two days late"))
                .isEqualTo("Delivery");
        assertThat(classifier.classify("Too expensive for what it is, prices went up"))
                .isEqualTo("Pricing");
        assertThat(classifier.classify("Support agent never answered my chat")).isEqualTo("Support");
        assertThat(classifier.classify("Checkout was confusing, could not find the button"))
                .isEqualTo("Ease of use");
        assertThat(classifier.classify("Meh")).isEqualTo("Other");
    }

    @Test
    void negationFlipsSentiment() {
        Sentiment sentiment = new Sentiment(analysis);
        assertThat(sentiment.score("Great product, fast delivery")).isEqualTo(1.0);
        assertThat(sentiment.score("The delivery was not good")).isEqualTo(-1.0);
        assertThat(sentiment.score("Good price but slow delivery")).isEqualTo(0.0);
        assertThat(sentiment.score("It arrived on Tuesday")).isEqualTo(0.0);
    }

    @Test
    void areaIsTheAreaAnswerAndTheRestIsComment() {
        Map<String, Object> answers = Map.of("area", "pricing", "why", "Too pricey", "nps_extra", 5);
        assertThat(Answers.area(answers)).isEqualTo("Pricing");
        assertThat(Answers.comment(answers)).isEqualTo("Too pricey");
        assertThat(Answers.area(Map.of("topic", "Ease of use"))).isEqualTo("Ease of use");
        assertThat(Answers.comment(Map.of("topic", "Ease of use"))).isNull();
    }

    @Test
    void funnelStepsMustFollowInOrderWithinTheWindow() {
        Instant t = Instant.parse("2026-11-01T10:00:00Z");
        List<String> steps = List.of("page.view", "cart.add", "order.placed");
        List<ContactEvent> inOrder = List.of(
                event("page.view", t), event("cart.add", t.plusSeconds(60)), event("order.placed", t.plusSeconds(120)));
        assertThat(FunnelDepth.of(inOrder, steps, Duration.ofDays(7))).isEqualTo(3);
        List<ContactEvent> outOfOrder = List.of(
                event("cart.add", t), event("page.view", t.plusSeconds(60)), event("order.placed", t.plusSeconds(120)));
        assertThat(FunnelDepth.of(outOfOrder, steps, Duration.ofDays(7))).isEqualTo(1);
        List<ContactEvent> tooSlow = List.of(event("page.view", t), event("cart.add", t.plus(Duration.ofDays(8))));
        assertThat(FunnelDepth.of(tooSlow, steps, Duration.ofDays(7))).isEqualTo(1);
        // a later start may get further than an earlier one
        List<ContactEvent> secondTry = List.of(
                event("page.view", t),
                event("page.view", t.plus(Duration.ofDays(10))),
                event("cart.add", t.plus(Duration.ofDays(11))));
        assertThat(FunnelDepth.of(secondTry, steps, Duration.ofDays(7))).isEqualTo(2);
        assertThat(FunnelDepth.of(List.of(), steps, Duration.ofDays(7))).isZero();
    }

    @Test
    void aDayAcrossTheEndOfSummerTimeHasTwentyFiveHours() {
        ZoneId warsaw = ZoneId.of("Europe/Warsaw");
        TimeBuckets days = TimeBuckets.of(
                "day", warsaw, Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-26T00:00:00Z"));
        assertThat(days.starts()).hasSize(2);
        assertThat(Duration.between(days.starts().get(0), days.endOf(0))).isEqualTo(Duration.ofHours(25));
        assertThat(days.indexOf(Instant.parse("2026-10-25T22:59:59Z"))).isZero();
        assertThat(days.indexOf(Instant.parse("2026-10-25T23:00:00Z"))).isEqualTo(1);
        assertThat(days.indexOf(Instant.parse("2026-10-24T21:59:59Z"))).isEqualTo(-1);
    }

    @Test
    void quarterHoursKeepHalfHourZonesExact() {
        // India is UTC+5:30: local midnight 2026-11-21 is 18:30 UTC the day before
        TimeBuckets days = TimeBuckets.of(
                "day",
                ZoneId.of("Asia/Kolkata"),
                Instant.parse("2026-11-20T18:30:00Z"),
                Instant.parse("2026-11-21T18:30:00Z"));
        long quarter = FactRepository.quarterOf(Instant.parse("2026-11-20T18:29:59Z"));
        assertThat(days.indexOf(Instant.ofEpochSecond(quarter * 900))).isEqualTo(-1);
        assertThat(days.indexOf(
                        Instant.ofEpochSecond(FactRepository.quarterOf(Instant.parse("2026-11-20T18:30:00Z")) * 900)))
                .isZero();
    }

    private static ContactEvent event(String type, Instant at) {
        return new ContactEvent(type + at, type, null, Map.of(), at);
    }
}
