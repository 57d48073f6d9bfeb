package org.opennps.analytics;

import java.util.Map;
import java.util.UUID;

/**
 * How far one campaign's invitations got, as cumulative stages: {@code scheduled} is every
 * invitation issued and not suppressed, {@code sent} includes the opened ones, {@code opened}
 * the responded ones, {@code commented} the responses with an open-text comment, {@code failed}
 * the invitations whose delivery was given up (never counted as sent). People who
 * were not asked are in {@code suppressed}, counted by reason.
 */
public record CampaignFunnel(
        UUID campaignId,
        long scheduled,
        long sent,
        long opened,
        long responded,
        long commented,
        long failed,
        Map<String, Long> suppressed) {

    public CampaignFunnel {
        suppressed = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(suppressed));
    }
}
