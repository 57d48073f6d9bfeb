package org.opennps.delivery;

import org.opennps.shared.Coded;

/**
 * Where an outgoing e-mail or webhook post stands; stored in the {@code status} column of
 * {@code outgoing_email} and {@code outgoing_webhook} as its word.
 */
public enum OutboxStatus implements Coded {
    /** Waiting for its (next) attempt. */
    QUEUED,
    /** Claimed by a worker that is sending it. */
    SENDING,
    SENT,
    /** Given up after the last retry, or refused for good. */
    FAILED,
    /** An attempt whose outcome nobody knows, parked for review. */
    UNKNOWN,
    /** What it was queued for (such as an invitation) was deleted before it went out. */
    CANCELLED;

    /** The word, as {@link #code()}: what clients and the database see, also in logs and messages. */
    @Override
    public String toString() {
        return code();
    }
}
