package org.opennps.analytics;

import java.time.Instant;
import java.util.UUID;

/**
 * One counted answer as analytics keeps it: the score, its category, the area chosen and the
 * open-text comment (null when none). {@code contactId} is null for anonymous or erased people.
 */
public record ScoredAnswer(
        UUID responseId, UUID contactId, int score, String category, String area, String comment, Instant answeredAt) {}
