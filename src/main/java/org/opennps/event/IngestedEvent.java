package org.opennps.event;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One stored event: what a contact did, with the client's id and properties. */
public record IngestedEvent(
        String id, String type, UUID contactId, Map<String, Object> properties, Instant occurredAt) {}
