package org.opennps.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers of every answer: a Content-Security-Policy that allows only this server's own
 * scripts and styles (no inline code, no framing but the editor's own preview), {@code Referrer-Policy: same-origin} so
 * survey links with their tokens never travel to other sites, and a Permissions-Policy that
 * switches off device features no page uses. Images may also come from https addresses:
 * workspaces show their logo from their own site.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:;"
            + " frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /** The survey editor shows its preview in a frame of the same origin. */
    static final String CSP_PREVIEW = CSP.replace("frame-ancestors 'none'", "frame-ancestors 'self'");

    static final String PERMISSIONS =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (!uri.startsWith("/swagger-ui") && !uri.startsWith("/v3/api-docs")) {
            boolean preview = uri.startsWith("/surveys/") && uri.contains("/preview");
            response.setHeader("Content-Security-Policy", preview ? CSP_PREVIEW : CSP);
        }
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", PERMISSIONS);
        response.setHeader("X-Content-Type-Options", "nosniff");
        chain.doFilter(request, response);
    }
}
