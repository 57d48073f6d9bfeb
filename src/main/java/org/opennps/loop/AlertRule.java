package org.opennps.loop;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A rule as the API shows it; {@code notify} entries look like {@code {"email": "…"}}. */
public record AlertRule(
        UUID workspaceId,
        UUID id,
        String name,
        AlertConditions when,
        @JsonProperty("notify") List<Map<String, String>> targets,
        boolean createCase,
        String dueIn,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {}
