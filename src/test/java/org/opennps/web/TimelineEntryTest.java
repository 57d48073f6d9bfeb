package org.opennps.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennps.invitation.Channel;
import org.opennps.invitation.Invitation;
import org.opennps.invitation.InvitationStatus;
import org.opennps.response.Response;
import org.opennps.survey.ScoreCategory;

class TimelineEntryTest {

    private static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");

    @Test
    void invitationsAndResponsesShowTheirChannelsWord() {
        UUID ws = UUID.randomUUID();
        UUID survey = UUID.randomUUID();
        Invitation invitation = new Invitation(
                UUID.randomUUID(),
                ws,
                survey,
                null,
                null,
                null,
                Channel.EMAIL,
                InvitationStatus.SENT,
                null,
                AT,
                AT,
                null,
                null,
                AT.plusSeconds(86_400));
        Response response = new Response(
                UUID.randomUUID(),
                ws,
                survey,
                null,
                invitation.id(),
                null,
                Channel.WEBHOOK,
                9,
                ScoreCategory.PROMOTER,
                true,
                Map.of(),
                Map.of(),
                Map.of(),
                null,
                AT.plusSeconds(60),
                null,
                AT.plusSeconds(60));
        List<TimelineEntry> entries =
                TimelineEntry.merge(List.of(), List.of(invitation), List.of(response), List.of(), List.of(), 10);
        assertThat(entries)
                .extracting(TimelineEntry::title, TimelineEntry::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Score 9 (promoter)", "webhook"),
                        org.assertj.core.groups.Tuple.tuple("Survey invitation (email)", "sent"));
    }
}
