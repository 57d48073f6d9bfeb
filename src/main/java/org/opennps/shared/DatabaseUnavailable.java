package org.opennps.shared;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The database could not be reached for a request (no connection within the pool's timeout, or
 * the server went away): nothing was stored, so the answer is 503 with {@code Retry-After} and the
 * client sends the request again, rather than a 500 that reads as a bug.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before sending the request again. */
    public static final long RETRY_AFTER_SECONDS = 5;

    public static final String DETAIL =
            "The database cannot be reached just now; nothing was stored. Send the request again later.";

    private DatabaseUnavailable() {}

    /** Whether {@code e}, or one of its causes, says the database could not be reached. */
    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }
}
