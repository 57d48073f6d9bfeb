package org.opennps.delivery;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.opennps.shared.Coded;

/**
 * Where an outgoing e-mail or webhook post stands; stored in the {@code status} column of
 * {@code outgoing_email} and {@code outgoing_webhook} as its word.
 */
public enum OutboxStatus implements Coded {
    /** Waiting for its (next) attempt. */
    QUEUED("queued"),
    /** Claimed by a worker that is sending it. */
    SENDING("sending"),
    SENT("sent"),
    /** Given up after the last retry, or refused for good. */
    FAILED("failed"),
    /** An attempt whose outcome nobody knows, parked for review. */
    UNKNOWN("unknown"),
    /** What it was queued for (such as an invitation) was deleted before it went out. */
    CANCELLED("cancelled");

    private final String code;

    OutboxStatus(String code) {
        this.code = code;
    }

    /** The word the API and the {@code status} columns use. */
    @JsonValue
    @Override
    public String code() {
        return code;
    }

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
