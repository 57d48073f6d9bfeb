package org.opennps.delivery;

import java.util.UUID;

/** A queued webhook was given up after its last attempt. */
public record WebhookFailed(UUID workspaceId, UUID webhookId, String reference, String reason) {}
