package org.opennps.analytics;

import java.util.List;

/** Funnels of every campaign with invitations: {@code {"campaigns":[…]}}. */
public record CampaignFunnelList(List<CampaignFunnel> campaigns) {}
