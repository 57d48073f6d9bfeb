package org.opennps.contact;

import java.time.Instant;
import java.util.UUID;

/** A person opted out of all surveys. */
public record ContactUnsubscribed(UUID workspaceId, UUID contactId, Instant unsubscribedAt) {}
