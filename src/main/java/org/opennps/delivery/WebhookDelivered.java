package org.opennps.delivery;

import java.util.UUID;

/** A queued webhook was answered with a 2xx status. */
public record WebhookDelivered(UUID workspaceId, UUID webhookId, String reference) {}
