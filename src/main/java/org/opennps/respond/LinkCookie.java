package org.opennps.respond;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.opennps.invitation.Invitation;
import org.opennps.invitation.InvitationService;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * One answer per browser on a survey's public link: the browser keeps the token of the anonymous
 * invitation its first answer made, in a cookie scoped to that link's path, and comes back to it
 * (to go on answering, or to "already answered") instead of starting another response. Clearing
 * cookies starts over; the per-address limits of {@link PublicLinkLimiter} still apply then.
 */
@Component
class LinkCookie {

    static final String NAME = "opennps_link";

    private final InvitationService invitations;
    private final PublicLinkProperties properties;
    private final Clock clock;

    LinkCookie(InvitationService invitations, PublicLinkProperties properties, Clock clock) {
        this.invitations = invitations;
        this.properties = properties;
        this.clock = clock;
    }

    /** The token of this browser's earlier answer to the survey, when it has one that is still known. */
    Optional<String> earlier(HttpServletRequest request, UUID surveyId) {
        if (!properties.onePerBrowser() || request.getCookies() == null) {
            return Optional.empty();
        }
        for (Cookie cookie : request.getCookies()) {
            if (NAME.equals(cookie.getName())
                    && cookie.getValue() != null
                    && !cookie.getValue().isBlank()) {
                String token = cookie.getValue();
                Optional<Invitation> invitation = invitations.findByToken(token);
                if (invitation.isPresent() && invitation.get().surveyId().equals(surveyId)) {
                    return Optional.of(token);
                }
            }
        }
        return Optional.empty();
    }

    /** Remembers the anonymous invitation in this browser until the invitation expires. */
    void remember(HttpServletRequest request, HttpServletResponse response, Invitation invitation, String token) {
        if (!properties.onePerBrowser()) {
            return;
        }
        Duration left = Duration.between(clock.instant(), invitation.expiresAt());
        ResponseCookie cookie = ResponseCookie.from(NAME, token)
                .path("/l/" + invitation.surveyId())
                .maxAge(left.isNegative() ? Duration.ZERO : left)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .build();
        response.addHeader("Set-Cookie", cookie.toString());
    }
}
