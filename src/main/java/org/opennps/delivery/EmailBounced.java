package org.opennps.delivery;

import java.util.UUID;

/**
 * The receiving server refused an outbox e-mail's recipient for good (a 5xx reply to RCPT TO):
 * the address is undeliverable. The contact module marks the contact bounced.
 *
 * @param address the refused recipient address (never logged)
 */
public record EmailBounced(UUID workspaceId, UUID emailId, String reference, String address, String reason) {}
