package org.opennps.imports;

import com.fasterxml.jackson.annotation.JsonCreator;
import org.opennps.shared.Coded;

/** Where an import stands; stored in {@code import_job.status} as its word. */
public enum ImportJobStatus implements Coded {
    RUNNING,
    DONE,
    /** The file could not be read at all. */
    FAILED;

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
    public static ImportJobStatus from(String code) {
        return Coded.from(ImportJobStatus.class, code);
    }
}
