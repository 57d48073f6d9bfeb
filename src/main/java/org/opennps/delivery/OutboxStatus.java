package org.opennps.delivery;

import com.fasterxml.jackson.annotation.JsonCreator;
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

    /**
     * The status named by {@code code}.
     *
     * @throws org.opennps.shared.UnknownCodeException for any other word
     */
    @JsonCreator
    public static OutboxStatus from(String code) {
        return Coded.from(OutboxStatus.class, code);
    }
}
