package org.opennps.response;

import java.time.Instant;
import java.util.UUID;

/**
 * Which confirmed, scored responses to list: those a Net Promoter Score counts. Null fields mean
 * any; {@code until} is exclusive; times apply to when the response started.
 *
 * @param oldestFirst order by start time ascending instead of newest first
 */
public record ScoredResponses(UUID surveyId, UUID contactId, Instant since, Instant until, boolean oldestFirst) {}
