package org.opennps.contact;

import java.time.Instant;
import java.util.UUID;

/**
 * A keyset query over a workspace's contacts, oldest first: optional exact {@code email} and
 * {@code phone}, creation time from {@code since} to {@code until} (both inclusive), and after
 * the contact {@code (afterCreatedAt, afterId)} of the previous page. A contact added meanwhile
 * is newer than every cursor, so it never shows on two pages.
 */
public record ContactQuery(
        String email, String phone, Instant since, Instant until, Instant afterCreatedAt, UUID afterId, int limit) {

    public ContactQuery {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit");
        }
        if ((afterCreatedAt == null) != (afterId == null)) {
            throw new IllegalArgumentException("a cursor has both a time and an id");
        }
    }
}
