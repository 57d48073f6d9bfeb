package org.opennps.response;

import java.util.UUID;
import org.opennps.invitation.Channel;
import org.opennps.survey.ScoreCategory;

/** A confirmed score was given for the first time or changed. */
public record ResponseScored(
        UUID workspaceId, UUID responseId, UUID contactId, int score, ScoreCategory category, Channel channel) {}
