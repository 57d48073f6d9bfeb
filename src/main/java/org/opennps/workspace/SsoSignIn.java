package org.opennps.workspace;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * After the provider confirmed who signed in: the person is matched to a user by their verified
 * e-mail address (created with the default role when new), and signed in as that user, so the
 * rest of the app sees the same {@link SignedInUser} as after a password sign-in.
 */
class SsoSignIn extends LocalRedirects {

    private final UserService users;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SsoSignIn(UserService users) {
        this.users = users;
    }

    /**
     * Sends the provider a {@code redirect_uri} on the public address ({@code
     * opennps.public-url}/login/oauth2/code/{id}) instead of one built from the request's
     * forgeable {@code Host} header, so the provider only ever returns the sign-in to this server.
     */
    static OAuth2AuthorizationRequestResolver returningTo(
            ClientRegistrationRepository registrations, String publicUrl) {
        String base = publicUrl.strip().replaceAll("/+$", "");
        DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        resolver.setAuthorizationRequestCustomizer(request -> request.attributes(attributes -> request.redirectUri(
                base + "/login/oauth2/code/" + attributes.get(OAuth2ParameterNames.REGISTRATION_ID))));
        return resolver;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        SignedInUser user = authentication.getPrincipal() instanceof OidcUser oidc
                ? users.signInWithSso(oidc.getEmail(), oidc.getEmailVerified(), oidc.getFullName())
                        .orElse(null)
                : null;
        if (user == null) {
            SecurityContextHolder.clearContext();
            request.getSession().invalidate();
            response.sendRedirect(request.getContextPath() + "/login?sso-refused");
            return;
        }
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        super.onAuthenticationSuccess(request, response, signedIn);
    }
}
