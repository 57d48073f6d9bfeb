package org.opennps.contact;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** How an input changes a stored contact: given fields replace, attributes merge. */
final class ContactMerge {

    private ContactMerge() {}

    static Contact create(ContactInput in, Instant now) {
        Map<String, Object> attributes = new LinkedHashMap<>(in.attributes());
        attributes.values().removeIf(Objects::isNull);
        return new Contact(
                UUID.randomUUID(),
                in.externalId(),
                in.email(),
                in.phone(),
                in.name(),
                in.locale(),
                in.timeZone(),
                attributes,
                null,
                null,
                now,
                now);
    }

    static Contact apply(Contact c, ContactInput in, Instant now) {
        Map<String, Object> attributes = new LinkedHashMap<>(c.attributes());
        in.attributes().forEach((key, value) -> {
            if (value == null) {
                attributes.remove(key);
            } else {
                attributes.put(key, value);
            }
        });
        return new Contact(
                c.id(),
                or(in.externalId(), c.externalId()),
                or(in.email(), c.email()),
                or(in.phone(), c.phone()),
                or(in.name(), c.name()),
                or(in.locale(), c.locale()),
                or(in.timeZone(), c.timeZone()),
                attributes,
                c.unsubscribedAt(),
                c.bouncedAt(),
                c.createdAt(),
                now);
    }

    /**
     * An older input applied to newer data: it sets only fields and attributes the contact does
     * not have yet, and removes nothing.
     */
    static Contact fill(Contact c, ContactInput in, Instant now) {
        Map<String, Object> attributes = new LinkedHashMap<>(c.attributes());
        in.attributes().forEach((key, value) -> {
            if (value != null) {
                attributes.putIfAbsent(key, value);
            }
        });
        return new Contact(
                c.id(),
                or(c.externalId(), in.externalId()),
                or(c.email(), in.email()),
                or(c.phone(), in.phone()),
                or(c.name(), in.name()),
                or(c.locale(), in.locale()),
                or(c.timeZone(), in.timeZone()),
                attributes,
                c.unsubscribedAt(),
                c.bouncedAt(),
                c.createdAt(),
                now);
    }

    /** Whether the input says anything beyond who the person is. */
    static boolean carriesData(ContactInput in) {
        return in.phone() != null
                || in.name() != null
                || in.locale() != null
                || in.timeZone() != null
                || !in.attributes().isEmpty()
                || (in.externalId() != null && in.email() != null);
    }

    static boolean sameData(Contact a, Contact b) {
        return Objects.equals(a.externalId(), b.externalId())
                && Objects.equals(a.email(), b.email())
                && Objects.equals(a.phone(), b.phone())
                && Objects.equals(a.name(), b.name())
                && Objects.equals(a.locale(), b.locale())
                && Objects.equals(a.timeZone(), b.timeZone())
                && Objects.equals(a.attributes(), b.attributes());
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
