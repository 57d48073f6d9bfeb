package org.opennps.event;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A stored event of one contact, as history queries return it. */
public record ContactEvent(
        String id, String type, UUID contactId, Map<String, Object> properties, Instant occurredAt) {}
