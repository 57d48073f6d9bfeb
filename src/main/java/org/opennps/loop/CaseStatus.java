package org.opennps.loop;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.opennps.shared.Coded;

/** Where a close-the-loop case stands; stored in {@code feedback_case.status} as its word. */
public enum CaseStatus implements Coded {
    OPEN("open"),
    IN_PROGRESS("in_progress"),
    RESOLVED("resolved");

    private final String code;

    CaseStatus(String code) {
        this.code = code;
    }

    /** The word the API and the {@code feedback_case.status} column use. */
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
    public static CaseStatus from(String code) {
        return Coded.from(CaseStatus.class, code);
    }
}
