package org.opennps.workspace;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * After signing in, back to the page asked for, as a path on this server. Spring Security saves
 * that page as an absolute URL built from the request's {@code Host} header, which anyone can
 * forge: a link to an admin page sent with {@code Host: evil.example} would send the person to
 * {@code http://evil.example/...} right after they typed their password. A relative {@code
 * Location} stays on whatever origin the browser really talks to.
 */
class LocalRedirects extends SimpleUrlAuthenticationSuccessHandler {

    private final RequestCache saved = new HttpSessionRequestCache();

    LocalRedirects() {
        setDefaultTargetUrl("/");
    }

    /** Back to the page asked for before signing in, by its path and query only, else to the dashboard. */
    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        SavedRequest asked = saved.getRequest(request, response);
        if (asked == null) {
            super.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        saved.removeRequest(request, response);
        clearAuthenticationAttributes(request);
        getRedirectStrategy().sendRedirect(request, response, path(asked.getRedirectUrl(), request.getContextPath()));
    }

    /**
     * The path and query of an absolute URL, without the context path (the redirect strategy adds
     * it again); {@code /} for anything that is not a plain local path.
     */
    static String path(String url, String contextPath) {
        try {
            URI uri = new URI(url);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            if (!contextPath.isEmpty() && path.startsWith(contextPath)) {
                path = path.substring(contextPath.length());
            }
            if (!path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException e) {
            return "/";
        }
    }
}
