package org.opennps.invitation;

import org.opennps.shared.Coded;

/**
 * How an invitation reached its contact and a response came in; stored in the {@code channel}
 * columns of invitations, responses and analytics as its word.
 */
public enum Channel implements Coded {
    EMAIL,
    WEB,
    WEBHOOK,
    LINK,
    API;

    /** The word, as {@link #code()}: what clients and the database see, also in logs and messages. */
    @Override
    public String toString() {
        return code();
    }
}
