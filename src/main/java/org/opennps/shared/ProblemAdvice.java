package org.opennps.shared;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Maps every error of the HTTP API to problem+json, so clients parse one shape. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return respond(Problems.invalid(e.violations(), e.getMessage()), new HttpHeaders());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage()), new HttpHeaders());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "conflict", e.getMessage());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(java.util.Map.of("field", e.field(), "message", e.getMessage())));
        }
        return respond(problem, new HttpHeaders());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return respond(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", e.getMessage()), new HttpHeaders());
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(
                HttpHeaders.RETRY_AFTER,
                Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        return respond(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", e.getMessage()), headers);
    }

    @ExceptionHandler(BusyException.class)
    ResponseEntity<ProblemDetail> busy(BusyException e) {
        log.warn("Request not taken, retry advised: {}", e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(
                HttpHeaders.RETRY_AFTER,
                Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        return respond(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "busy", e.getMessage()), headers);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        if (NestedExceptionUtils.getMostSpecificCause(e) instanceof UnknownCodeException unknown) {
            // a well-formed request naming a status or kind that does not exist breaks a rule
            return respond(
                    Problems.invalid(
                            List.of(new FieldViolation(e.getName(), unknown.allowed())),
                            e.getName() + ": " + unknown.allowed()),
                    new HttpHeaders());
        }
        FieldViolation violation = new FieldViolation(e.getName(), "has an invalid value");
        ProblemDetail problem = Problems.invalid(List.of(violation), e.getName() + ": has an invalid value");
        problem.setStatus(HttpStatus.BAD_REQUEST);
        problem.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
        return respond(problem, new HttpHeaders());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.isCause(e)) {
            log.warn("Request not taken, the database cannot be reached: {}", e.toString());
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            return respond(
                    Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", DatabaseUnavailable.DETAIL), headers);
        }
        log.error("Unhandled error", e);
        return respond(
                Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "An unexpected error occurred."),
                new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", tooLarge.getMessage()));
            }
        }
        return body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "The request body is not valid JSON."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldViolation(f.getField(), f.getDefaultMessage()))
                .toList();
        return body(Problems.invalid(violations, new InvalidInputException(violations).getMessage()));
    }

    private static ResponseEntity<Object> body(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(Problems.PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(Problems.PROBLEM_JSON)
                .body(problem);
    }
}
