package org.opennps.workspace;

import java.time.Instant;
import java.util.UUID;

/**
 * An API key as listed: never the key itself, only its first characters.
 *
 * @param scope {@code full} (read and write) or {@code read} (every write answers 403)
 */
public record ApiKeyInfo(
        UUID id, String name, String prefix, String scope, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public static final String FULL = "full";
    public static final String READ = "read";
}
