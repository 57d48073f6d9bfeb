package org.opennps.workspace;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.opennps.shared.DatabaseUnavailable;
import org.opennps.shared.RequestLogFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls by their key: {@code Authorization: Bearer <key>} on {@code /api/**},
 * HTTP Basic with the key as user name on the Delighted-compatible {@code /v1/**}. A missing or
 * unknown key leaves the request unauthenticated (401 follows); a public key gets 403; a key
 * that cannot be checked because the database is out of reach gets 503 with {@code Retry-After}.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final WorkspaceService workspaces;
    private final ProblemResponses problems;

    ApiKeyAuthenticationFilter(WorkspaceService workspaces, ProblemResponses problems) {
        this.workspaces = workspaces;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = keyOf(request);
        if (key != null) {
            Optional<WorkspaceService.KeyAccess> access;
            try {
                access = workspaces.authenticateKey(key);
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.isCause(e)) {
                    throw e;
                }
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
                problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", DatabaseUnavailable.DETAIL);
                return;
            }
            if (access.isPresent()) {
                SecurityContextHolder.getContext()
                        .setAuthentication(new ApiKeyAuthentication(
                                access.get().access(), access.get().readOnly()));
                request.setAttribute(
                        RequestLogFilter.WORKSPACE_ATTRIBUTE,
                        access.get().access().workspaceId());
            } else if (workspaces.isPublicKey(key)) {
                problems.write(
                        response,
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "A public key may only call the client API (/api/v1/client/...); use a secret API key.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String keyOf(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return null;
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon >= 0 ? decoded.substring(0, colon) : decoded;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
