package org.opennps.invitation;

import java.util.UUID;

/** A survey invitation could not be delivered, after its retries. */
public record InvitationFailed(
        UUID workspaceId, UUID invitationId, UUID contactId, UUID campaignId, Channel channel, String reason) {}
