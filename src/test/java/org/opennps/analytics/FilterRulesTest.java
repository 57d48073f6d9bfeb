package org.opennps.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opennps.invitation.Channel;
import org.opennps.invitation.ChannelFilter;
import org.opennps.shared.InvalidInputException;
import org.springframework.util.LinkedMultiValueMap;

/** Reading filters from query parameters, and which filters the daily rollup may answer. */
class FilterRulesTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    @Test
    void shortWhereMeansAContactAttributeAndValuesMayHoldColons() {
        SegmentValue shortForm = SegmentValue.parse("where", "city:Warsaw");
        assertThat(shortForm.dimension().key()).isEqualTo("attribute:city");
        assertThat(shortForm.value()).isEqualTo("Warsaw");
        SegmentValue property = SegmentValue.parse("where", "property:slot:10:30");
        assertThat(property.dimension().key()).isEqualTo("property:slot");
        assertThat(property.value()).isEqualTo("10:30");
        assertThatThrownBy(() -> SegmentValue.parse("where", "attribute:city"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void prefixedParametersWinOverSharedOnes() {
        LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("channel", "email");
        params.add("since", "2026-11-01");
        params.add("a.since", "2026-10-01T00:00:00Z");
        NpsFilter a = NpsFilter.read(params, "a.", WARSAW);
        NpsFilter b = NpsFilter.read(params, "b.", WARSAW);
        assertThat(a.since()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
        assertThat(b.since()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(a.channel()).isEqualTo(ChannelFilter.only(Channel.EMAIL)).isEqualTo(b.channel());
    }

    @Test
    void aChannelIsOneOfItsWordsOrOneLeftOut() {
        assertThat(ChannelFilter.parse("channel", "!link")).isEqualTo(ChannelFilter.allBut(Channel.LINK));
        assertThat(ChannelFilter.parse("channel", "web")).isEqualTo(ChannelFilter.only(Channel.WEB));
        assertThat(ChannelFilter.parse("channel", " ")).isNull();
        assertThat(ChannelFilter.allBut(Channel.LINK).word()).isEqualTo("!link");
        LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        params.add("a.channel", "LINK");
        assertThatThrownBy(() -> NpsFilter.read(params, "a.", WARSAW))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("a.channel"));
        assertThatThrownBy(() -> ChannelFilter.parse("channel", "!sms")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rollupAnswersOnlyWholeLocalDaysAndOneSegment() {
        NpsFilter days = NpsFilter.none().withPeriod(Instant.parse("2026-10-31T23:00:00Z"), null);
        assertThat(RollupPlan.of(days, WARSAW)).isPresent();
        NpsFilter utcMidnight = NpsFilter.none().withPeriod(Instant.parse("2026-11-01T00:00:00Z"), null);
        assertThat(RollupPlan.of(utcMidnight, WARSAW)).isEmpty();
        NpsFilter twoSegments = new NpsFilter(
                null,
                null,
                null,
                null,
                null,
                List.of(SegmentValue.parse("where", "city:Warsaw"), SegmentValue.parse("where", "plan:pro")),
                null);
        assertThat(RollupPlan.of(twoSegments, WARSAW)).isEmpty();
        NpsFilter passives = new NpsFilter(null, null, null, null, null, List.of(), "passive");
        assertThat(RollupPlan.of(passives, WARSAW)).isEmpty();
    }
}
