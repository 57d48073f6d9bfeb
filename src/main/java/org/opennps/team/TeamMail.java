package org.opennps.team;

import java.util.Map;
import java.util.UUID;
import org.opennps.delivery.DeliveryService;
import org.opennps.delivery.EmailRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/** The e-mails of the team: an invitation to a workspace and a password reset, with their links. */
@Component
class TeamMail {

    private final DeliveryService delivery;
    private final String publicUrl;

    TeamMail(
            DeliveryService delivery,
            @Value("${opennps.public-url:http://localhost:${server.port:8080}}") String publicUrl) {
        this.delivery = delivery;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** Invitation; with a token the link sets a password, without one it opens the sign-in page. */
    void invitation(UUID workspaceId, String workspaceName, String to, String role, String token, String validFor) {
        String link = token == null ? publicUrl + "/login" : passwordLink(token);
        String action = token == null
                ? "Sign in as usual to open it:"
                : "Choose your password to join (the link works once, for " + validFor + "):";
        String text = "You have been invited to the OpenNPS workspace \"" + workspaceName + "\" as " + role + ".\n\n"
                + action + "\n" + link + "\n\nIf you did not expect this e-mail, ignore it.\n";
        queue(workspaceId, to, "You are invited to " + workspaceName + " on OpenNPS", text, link, action);
    }

    void passwordReset(UUID workspaceId, String to, String token, String validFor) {
        String link = passwordLink(token);
        String action = "Choose a new password (the link works once, for " + validFor + "):";
        String text = "Someone asked to reset the password of your OpenNPS account.\n\n" + action + "\n" + link
                + "\n\nIf it was not you, ignore this e-mail: your password stays as it is.\n";
        queue(workspaceId, to, "Reset your OpenNPS password", text, link, action);
    }

    private String passwordLink(String token) {
        return UriComponentsBuilder.fromUriString(publicUrl + "/account/password")
                .queryParam("token", token)
                .build()
                .toUriString();
    }

    private void queue(UUID workspaceId, String to, String subject, String text, String link, String action) {
        String html = "<p>" + HtmlUtils.htmlEscape(text.substring(0, text.indexOf("\n\n"))) + "</p><p>"
                + HtmlUtils.htmlEscape(action) + "</p><p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">"
                + HtmlUtils.htmlEscape(link) + "</a></p>";
        delivery.queue(new EmailRequest(
                workspaceId, "team:" + UUID.randomUUID(), "account", to, subject, text, html, Map.of()));
    }
}
