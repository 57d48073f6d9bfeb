package org.opennps.invitation;

import java.util.Map;
import java.util.UUID;
import org.opennps.shared.JsonObjectText;

/**
 * A request to invite one contact to one survey on one channel.
 *
 * @param channel the channel it goes out on
 * @param campaignId the campaign that asks, or null
 * @param journeyId the campaign journey that asks, or null
 * @param eventProperties properties of the triggering event, kept as the response's snapshot
 */
public record IssueInvitation(
        UUID workspaceId,
        UUID surveyId,
        UUID contactId,
        Channel channel,
        UUID campaignId,
        UUID journeyId,
        Map<String, Object> eventProperties) {

    public IssueInvitation {
        if (workspaceId == null || surveyId == null) {
            throw new IllegalArgumentException("An invitation needs a workspace and a survey");
        }
        if (channel == null) {
            throw new IllegalArgumentException("An invitation needs a channel");
        }
        if (!(eventProperties instanceof JsonObjectText text && !text.json().contains("null"))) {
            // a stored JSON object without nulls is kept as it is, unparsed (see JsonObjectText)
            eventProperties =
                    eventProperties == null ? Map.of() : Map.copyOf(eventPropertiesWithoutNulls(eventProperties));
        }
    }

    private static Map<String, Object> eventPropertiesWithoutNulls(Map<String, Object> properties) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(properties);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }
}
