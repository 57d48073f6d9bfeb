package org.opennps.imports;

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
}
