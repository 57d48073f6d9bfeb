package org.opennps.shared;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors Tomcat answers itself, before the application sees the request (a broken escape or
 * a NUL byte in the path, a malformed request line): problem+json on {@code /api/**} and
 * {@code /v1/**} like every other API error, and a plain page without server details elsewhere.
 */
@Component
class TomcatProblemPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final JsonMapper json;

    TomcatProblemPages(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            ProblemValve valve = new ProblemValve(json);
            valve.setShowReport(false);
            valve.setShowServerInfo(false);
            context.getParent().getPipeline().addValve(valve);
        });
    }

    static final class ProblemValve extends ErrorReportValve {

        private final JsonMapper json;

        ProblemValve(JsonMapper json) {
            this.json = json;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            String uri = request.getRequestURI();
            boolean api = uri != null && (uri.startsWith("/api/") || uri.startsWith("/v1/"));
            if (!api || status < 400 || response.getContentWritten() > 0) {
                super.report(request, response, throwable);
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            HttpStatus shown = known == null ? HttpStatus.BAD_REQUEST : known;
            String detail = shown.is5xxServerError()
                    ? "An unexpected error occurred."
                    : "The request could not be read (malformed address or headers).";
            try {
                response.setContentType(Problems.PROBLEM_JSON.toString());
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    Map<String, Object> problem = Map.of(
                            "type",
                            Problems.type(shown.is5xxServerError() ? "internal" : "malformed-request")
                                    .toString(),
                            "title",
                            shown.getReasonPhrase(),
                            "status",
                            status,
                            "detail",
                            detail);
                    writer.write(json.writeValueAsString(problem));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client went away: nothing left to answer
            }
        }
    }
}
