package org.opennps.delivery;

import java.util.UUID;

/** An outbox e-mail was given up after its last attempt, or refused as undeliverable. */
public record EmailFailed(UUID workspaceId, UUID emailId, String reference, String reason) {}
