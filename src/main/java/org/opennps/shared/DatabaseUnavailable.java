package org.opennps.shared;

import java.sql.SQLException;
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

    /** SQL state class of connection exceptions ({@code 08003} connection does not exist, {@code 08006} failure). */
    private static final String CONNECTION_EXCEPTION = "08";

    private DatabaseUnavailable() {}

    /**
     * Whether {@code e}, or one of its causes, says the database could not be reached: also an
     * SQL error of class {@code 08} (connection exception), as when a commit's connection broke
     * and the rollback after it then found the connection closed; Spring reports only the
     * rollback's failure then ({@code TransactionSystemException}), and a client that sends the
     * batch again loses nothing (events already stored are recognised by their id).
     */
    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(CONNECTION_EXCEPTION)) {
                return true;
            }
        }
        return false;
    }
}
