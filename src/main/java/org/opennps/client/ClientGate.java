package org.opennps.client;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opennps.shared.Problems;
import org.opennps.shared.RateLimitedException;
import org.opennps.shared.RateLimiter;
import org.opennps.shared.RequestLogFilter;
import org.opennps.workspace.Workspace;
import org.opennps.workspace.WorkspaceService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards {@code /api/v1/client/{public_key}/**}: an unknown key is 404, a browser origin not in
 * the workspace's allowed origins is 403 (requests without Origin, from apps, pass), each key
 * and address is rate-limited, and CORS headers (and pre-flight answers) name only the allowed
 * origin. The workspace is handed to the controller as a request attribute.
 */
@Component
class ClientGate extends OncePerRequestFilter {

    static final String WORKSPACE = "opennps.client.workspace";
    private static final Pattern PATH = Pattern.compile("^/api/v1/client/([^/]+)(/.*)?$");

    private final WorkspaceService workspaces;
    private final RateLimiter limiter;
    private final ClientProperties properties;
    private final JsonMapper json;

    ClientGate(WorkspaceService workspaces, RateLimiter limiter, ClientProperties properties, JsonMapper json) {
        this.workspaces = workspaces;
        this.limiter = limiter;
        this.properties = properties;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/v1/client/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = PATH.matcher(request.getRequestURI());
        Optional<Workspace> workspace = path.matches() ? workspaces.findByPublicKey(path.group(1)) : Optional.empty();
        if (workspace.isEmpty()) {
            problem(response, HttpStatus.NOT_FOUND, "not-found", "Unknown public key.");
            return;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !workspace.get().settings().allowedOrigins().contains(origin)) {
            // Readable by the page, so the widget can name the origin to add in its console
            // warning; the refusal carries nothing else.
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
            problem(
                    response,
                    HttpStatus.FORBIDDEN,
                    "origin-not-allowed",
                    "Origin " + origin + " is not allowed for this key: add it to the workspace's allowed_origins.");
            return;
        }
        if (origin != null) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        }
        if ("OPTIONS".equals(request.getMethod())) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type");
            response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return;
        }
        try {
            limiter.check(path.group(1) + "|" + request.getRemoteAddr(), properties.requestsPerMinute());
        } catch (RateLimitedException e) {
            response.setHeader(
                    HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, e.retryAfter().toSeconds())));
            problem(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", e.getMessage());
            return;
        }
        request.setAttribute(WORKSPACE, workspace.get());
        request.setAttribute(
                RequestLogFilter.WORKSPACE_ATTRIBUTE, workspace.get().id());
        chain.doFilter(request, response);
    }

    private void problem(HttpServletResponse response, HttpStatus status, String type, String detail)
            throws IOException {
        Problems.write(response, json, status, type, detail);
    }
}
