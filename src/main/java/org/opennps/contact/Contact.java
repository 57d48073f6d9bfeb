package org.opennps.contact;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A person who can be surveyed, as other modules and the API see them. */
public record Contact(
        UUID id,
        String externalId,
        String email,
        String phone,
        String name,
        String locale,
        String timeZone,
        Map<String, Object> attributes,
        Instant unsubscribedAt,
        Instant bouncedAt,
        Instant createdAt,
        Instant updatedAt) {

    public Contact {
        attributes = attributes == null ? Map.of() : normalised(attributes);
    }

    /** Numbers as Long or Double, whatever JSON reader produced them, so equal data compares equal. */
    private static Map<String, Object> normalised(Map<String, Object> attributes) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        attributes.forEach((key, value) -> copy.put(
                key,
                switch (value) {
                    case Integer i -> i.longValue();
                    case Short s -> s.longValue();
                    case Float f -> f.doubleValue();
                    case java.math.BigDecimal d -> d.doubleValue();
                    case java.math.BigInteger b -> b.longValue();
                    case null, default -> value;
                }));
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** Whether the person may be sent surveys at all (not unsubscribed, not bounced). */
    public boolean reachable() {
        return unsubscribedAt == null && bouncedAt == null;
    }
}
