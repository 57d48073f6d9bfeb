package org.opennps.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableTest {

    private final ProblemAdvice advice = new ProblemAdvice();

    @Test
    void aPoolThatCannotReachTheDatabaseIsA503WithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = advice.unexpected(new CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction",
                new CannotGetJdbcConnectionException("Connection is not available, request timed out")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody().getDetail()).contains("nothing was stored");
    }

    @Test
    void aCommitWhoseConnectionBrokeAndWhoseRollbackThenFailedIsA503() {
        // what Spring throws when the commit hit a dead server and the rollback a closed connection
        ResponseEntity<ProblemDetail> answer = advice.unexpected(new TransactionSystemException(
                "JDBC rollback failed", new SQLException("Connection is closed", "08003")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(advice.unexpected(new TransactionSystemException(
                                "JDBC rollback failed", new SQLException("deadlock detected", "40P01")))
                        .getStatusCode())
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Test
    void anyOtherErrorStaysA500WithoutRetryAfter() {
        ResponseEntity<ProblemDetail> answer = advice.unexpected(new IllegalStateException("a bug"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
    }

    @Test
    void theCauseIsFoundBeneathWrappers() {
        assertThat(DatabaseUnavailable.isCause(
                        new RuntimeException(new CannotGetJdbcConnectionException("no connection"))))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new IllegalArgumentException())))
                .isFalse();
    }
}
