package org.opennps.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds the problem+json bodies of the public API (RFC 9457), one shape for every error. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {}

    public static URI type(String name) {
        return URI.create("urn:opennps:problem:" + name);
    }

    public static ProblemDetail of(HttpStatus status, String name, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(name));
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    /** Writes a problem from a servlet filter, where no controller advice runs. */
    public static void write(
            HttpServletResponse response, JsonMapper json, HttpStatus status, String name, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        json.writeValue(response.getOutputStream(), of(status, name, detail));
    }

    public static ProblemDetail invalid(List<FieldViolation> violations, String detail) {
        ProblemDetail problem = of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-input", detail);
        problem.setProperty(
                "errors",
                violations.stream()
                        .map(v -> Map.of("field", v.field(), "message", v.message()))
                        .toList());
        return problem;
    }
}
