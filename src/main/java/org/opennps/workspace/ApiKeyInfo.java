package org.opennps.workspace;

import java.time.Instant;
import java.util.UUID;

/** An API key as listed: never the key itself, only its first characters. */
public record ApiKeyInfo(
        UUID id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}
