package org.opennps.loop;

import com.fasterxml.jackson.annotation.JsonCreator;
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

    /**
     * The status named by {@code code}.
     *
     * @throws org.opennps.shared.UnknownCodeException for any other word
     */
    @JsonCreator
    public static CaseStatus from(String code) {
        return Coded.from(CaseStatus.class, code);
    }
}
