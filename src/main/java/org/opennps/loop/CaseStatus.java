package org.opennps.loop;

import org.opennps.shared.Coded;

/** Where a close-the-loop case stands; stored in {@code feedback_case.status} as its word. */
public enum CaseStatus implements Coded {
    OPEN,
    IN_PROGRESS,
    RESOLVED;

    /** The word, as {@link #code()}: what clients and the database see, also in logs and messages. */
    @Override
    public String toString() {
        return code();
    }
}
