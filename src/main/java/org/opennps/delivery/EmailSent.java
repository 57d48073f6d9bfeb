package org.opennps.delivery;

import java.time.Instant;
import java.util.UUID;

/** An outbox e-mail was handed to the SMTP server (or the dev mailbox); announced in {@link EmailsSent}. */
public record EmailSent(UUID workspaceId, UUID emailId, String reference, Instant sentAt) {}
