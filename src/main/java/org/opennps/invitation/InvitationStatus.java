package org.opennps.invitation;

import org.opennps.shared.Coded;

/**
 * Where an invitation stands; stored in {@code invitation.status} as its word. An open one
 * (scheduled, sent, opened) past its expiry reads as expired.
 */
public enum InvitationStatus implements Coded {
    SCHEDULED,
    SENT,
    OPENED,
    RESPONDED,
    EXPIRED,
    SUPPRESSED,
    FAILED;

    /** The word, as {@link #code()}: what clients and the database see, also in logs and messages. */
    @Override
    public String toString() {
        return code();
    }

    /** Whether its link may still be answered (before the invitation expires). */
    public boolean open() {
        return this == SCHEDULED || this == SENT || this == OPENED;
    }
}
