package org.opennps.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The plain rules of campaigns: condition operators, send windows, sticky sampling, templates. */
class CampaignRulesTest {

    @Test
    void operatorsCompareNumbersAsNumbersAndTextAsText() {
        assertThat(ConditionOp.GTE.test(10L, 10)).isTrue();
        assertThat(ConditionOp.GT.test("9.5", 9)).isTrue();
        assertThat(ConditionOp.LT.test(3, 2)).isFalse();
        assertThat(ConditionOp.LTE.test(2.0, 2L)).isTrue();
        assertThat(ConditionOp.EQ.test("courier", "courier")).isTrue();
        assertThat(ConditionOp.NEQ.test(null, "x")).isTrue();
        assertThat(ConditionOp.IN.test("b2c", List.of("b2b", "b2c"))).isTrue();
        assertThat(ConditionOp.CONTAINS.test("express courier", "courier")).isTrue();
        assertThat(ConditionOp.CONTAINS.test(List.of("a", "b"), "b")).isTrue();
        assertThat(ConditionOp.EXISTS.test(null, null)).isFalse();
        assertThat(ConditionOp.EXISTS.test(null, false)).isTrue();
        assertThat(ConditionOp.EQ.test(null, "x")).isFalse();
    }

    @Test
    void sendWindowOpensAtTheNextWorkdayMorningInTheContactsZone() {
        var window = new Step.WaitUntil(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 0), LocalTime.of(18, 0));
        ZoneId warsaw = ZoneId.of("Europe/Warsaw");
        // Friday 19:00 in Warsaw → Monday 09:00 in Warsaw
        assertThat(WaitWindow.next(window, Instant.parse("2026-11-27T18:00:00Z"), warsaw))
                .isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
        // inside the window: now
        Instant wednesdayNoon = Instant.parse("2026-11-25T11:00:00Z");
        assertThat(WaitWindow.next(window, wednesdayNoon, warsaw)).isEqualTo(wednesdayNoon);
        // early morning: same day 09:00
        assertThat(WaitWindow.next(window, Instant.parse("2026-11-25T05:00:00Z"), warsaw))
                .isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
    }

    @Test
    void samplingIsStickyAndNearTheWantedShare() {
        UUID campaign = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        boolean first = FatiguePolicy.sampledIn(contact, campaign, 30);
        assertThat(IntStream.range(0, 10).allMatch(i -> FatiguePolicy.sampledIn(contact, campaign, 30) == first))
                .isTrue();
        long in = IntStream.range(0, 10_000)
                .filter(i -> FatiguePolicy.sampledIn(UUID.randomUUID(), campaign, 30))
                .count();
        assertThat(in).isBetween(2_700L, 3_300L);
        assertThat(FatiguePolicy.sampledIn(contact, campaign, 100)).isTrue();
    }

    @Test
    void templatesResolveFromTheTriggerAndReportWhatIsMissing() {
        assertThat(FilterEvaluator.resolve("{{trigger.order_id}}", Map.of("order_id", "o-9")))
                .contains("o-9");
        assertThat(FilterEvaluator.resolve("{{ trigger.order_id }}", Map.of())).isEmpty();
        assertThat(StepReader.templateProblem("{{contact.email}}")).contains("unknown template");
        assertThat(StepReader.templateProblem("{{trigger.order_id")).contains("unclosed");
        assertThat(StepReader.templateProblem("o-{{trigger.order_id}}")).isNull();
    }
}
