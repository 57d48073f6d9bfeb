package org.opennps.workspace;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.opennps.shared.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes problem+json from filters, where no controller advice runs. */
@Component
class ProblemResponses {

    private final JsonMapper json;

    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, HttpStatus status, String type, String detail) throws IOException {
        Problems.write(response, json, status, type, detail);
    }
}
