package org.opennps.loop;

import java.util.List;
import java.util.UUID;
import org.opennps.invitation.Channel;
import org.opennps.survey.ScoreCategory;

/**
 * An alert rule fired for a response and wants its targets told.
 *
 * @param caseId the case the rule opened, or null
 */
public record AlertFired(
        UUID workspaceId,
        UUID ruleId,
        String ruleName,
        UUID responseId,
        UUID contactId,
        Integer score,
        ScoreCategory category,
        Channel channel,
        UUID caseId,
        List<Target> targets) {

    /** One target: type email, webhook or slack, and its address or URL. */
    public record Target(String type, String address) {}
}
