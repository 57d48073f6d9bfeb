package org.opennps.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennps.invitation.Channel;
import org.opennps.response.ResponseRecorded;
import org.opennps.survey.ScoreCategory;

class AlertConditionsTest {

    private static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");

    @Test
    void aRulesChannelsAreTheChannelsWords() {
        AlertConditions linkOnly = new AlertConditions(
                List.of("detractor"), null, null, null, null, List.of(), null, null, List.of("link"));
        assertThat(linkOnly.matches(scored(Channel.LINK))).isTrue();
        assertThat(linkOnly.matches(scored(Channel.EMAIL))).isFalse();
    }

    private static ResponseRecorded scored(Channel channel) {
        return new ResponseRecorded(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                null,
                null,
                null,
                channel,
                3,
                ScoreCategory.DETRACTOR,
                true,
                Map.of(),
                Map.of(),
                Map.of(),
                null,
                AT,
                AT,
                AT);
    }
}
