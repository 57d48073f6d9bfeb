package org.opennps.imports;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.opennps.shared.Coded;

/** Where an import stands; stored in {@code import_job.status} as its word. */
public enum ImportJobStatus implements Coded {
    RUNNING("running"),
    DONE("done"),
    /** The file could not be read at all. */
    FAILED("failed");

    private final String code;

    ImportJobStatus(String code) {
        this.code = code;
    }

    /** The word the API and the {@code import_job.status} column use. */
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
    public static ImportJobStatus from(String code) {
        return Coded.from(ImportJobStatus.class, code);
    }
}
