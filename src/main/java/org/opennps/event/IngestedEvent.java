package org.opennps.event;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One stored event: what a contact did, with the client's id and properties, and where it came
 * from ({@link #SERVER}, {@link #CLIENT} or {@link #CLIENT_SIGNED}): an event sent with the
 * public key is not trusted like one sent with a secret key.
 */
public record IngestedEvent(
        String id, String type, UUID contactId, Map<String, Object> properties, Instant occurredAt, String source) {

    /** Sent with a secret API key (or by the server itself). */
    public static final String SERVER = "server";

    /** Sent with the public key by a page or an app, for a visitor named without a signature. */
    public static final String CLIENT = "client";

    /** Sent with the public key for a visitor whose external id carried a valid {@code user_hash}. */
    public static final String CLIENT_SIGNED = "client_signed";

    public IngestedEvent {
        // publications stored before the source was recorded came from the server API
        source = source == null ? SERVER : source;
    }

    public IngestedEvent(String id, String type, UUID contactId, Map<String, Object> properties, Instant occurredAt) {
        this(id, type, contactId, properties, occurredAt, SERVER);
    }

    /** Whether the event came through the public client API (anyone holding the public key). */
    public boolean clientSourced() {
        return !SERVER.equals(source);
    }
}
