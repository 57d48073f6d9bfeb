package org.opennps.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per request with method, path, status, duration and workspace, as MDC fields for
 * structured logging. Survey tokens in paths are masked; headers, query strings and bodies are
 * never logged, so no key, token or personal data reaches the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLogFilter extends OncePerRequestFilter {

    /** Request attribute under which authentication stores the workspace id for this line. */
    public static final String WORKSPACE_ATTRIBUTE = "opennps.workspace";

    private static final Logger log = LoggerFactory.getLogger("opennps.request");
    private static final Pattern SURVEY_TOKEN = Pattern.compile("^/s/[^/]+");
    private static final Pattern DISPLAY_TOKEN =
            Pattern.compile("^(/api/v1/client/[^/]+/(?:displays|responses))/[^/]+");

    private static final Pattern CLIENT_KEY = Pattern.compile("^/api/v1/client/[^/]+");

    private final boolean enabled;

    RequestLogFilter(HttpProperties properties) {
        this.enabled = properties.requestLog();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !enabled
                || uri.startsWith("/actuator/")
                || uri.startsWith("/webjars/")
                || uri.startsWith("/css/")
                || uri.startsWith("/js/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long millis = (System.nanoTime() - start) / 1_000_000;
            Object workspace = request.getAttribute(WORKSPACE_ATTRIBUTE);
            String path = maskedPath(request.getRequestURI());
            try (var m1 = MDC.putCloseable("http.method", request.getMethod());
                    var m2 = MDC.putCloseable("url.path", path);
                    var m3 = MDC.putCloseable("http.status", Integer.toString(response.getStatus()));
                    var m4 = MDC.putCloseable("duration_ms", Long.toString(millis));
                    var m5 = MDC.putCloseable("workspace_id", workspace == null ? "-" : workspace.toString())) {
                log.info(
                        "{} {} {} {}ms workspace={}",
                        request.getMethod(),
                        path,
                        response.getStatus(),
                        millis,
                        workspace == null ? "-" : workspace);
            }
        }
    }

    /**
     * The path without secrets or personal data: survey and display tokens, the key of client
     * API paths (a secret key pasted into a widget's public-key slot lands there) and every
     * segment holding an e-mail address (Delighted's person paths) become {@code ***}.
     */
    static String maskedPath(String uri) {
        String masked = SURVEY_TOKEN.matcher(uri).replaceFirst("/s/***");
        masked = DISPLAY_TOKEN.matcher(masked).replaceFirst("$1/***");
        masked = CLIENT_KEY.matcher(masked).replaceFirst("/api/v1/client/***");
        return String.join(
                "/",
                java.util.Arrays.stream(masked.split("/", -1))
                        .map(segment -> segment.contains("@")
                                        || segment.toLowerCase(java.util.Locale.ROOT)
                                                .contains("%40")
                                ? "***"
                                : segment)
                        .toList());
    }
}
