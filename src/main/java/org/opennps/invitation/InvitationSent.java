package org.opennps.invitation;

import java.util.UUID;

/** A survey invitation went out on its channel (e.g. the e-mail was handed to SMTP). */
public record InvitationSent(UUID workspaceId, UUID invitationId, UUID contactId, UUID campaignId, Channel channel) {}
