package org.opennps.campaign;

import java.util.UUID;

/** How many of a campaign's journeys are in one status at one step. */
public record JourneyCount(UUID campaignId, JourneyStatus status, int stepIndex, long count) {}
