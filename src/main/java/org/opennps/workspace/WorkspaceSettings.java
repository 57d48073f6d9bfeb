package org.opennps.workspace;

import java.time.Duration;
import java.util.List;

/**
 * A workspace's settings, as the API shows them.
 *
 * @param recontactAfterResponse no new survey to a person within this window after a response
 * @param recontactAfterInvitation no new survey within this window after an unanswered one
 * @param invitationExpiry how long a survey link stays valid
 * @param senderName display name of survey e-mails
 * @param senderEmail from-address of survey e-mails; null uses {@code opennps.mail.from}
 * @param brandColor accent colour of survey pages, e-mails and the widget
 * @param logoUrl logo shown on survey pages and e-mails
 * @param allowedOrigins web origins allowed to call the client API (CORS)
 * @param oneClickConfirmation a score from a one-click e-mail link counts only once confirmed
 * @param defaultLocale locale for contacts without one
 * @param signedIdentityRequired the client API accepts an external id only with its HMAC
 * @param displayName the name respondents see on pages and e-mails; null uses the sender name,
 *     then the workspace name
 */
public record WorkspaceSettings(
        String recontactAfterResponse,
        String recontactAfterInvitation,
        String invitationExpiry,
        String senderName,
        String senderEmail,
        String brandColor,
        String logoUrl,
        List<String> allowedOrigins,
        boolean oneClickConfirmation,
        String defaultLocale,
        boolean signedIdentityRequired,
        String displayName) {

    public WorkspaceSettings {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    public static WorkspaceSettings defaults() {
        return new WorkspaceSettings(
                "P90D", "P30D", "P30D", null, null, "#4f46e5", null, List.of(), true, "en", false, null);
    }

    /** The settings before display names existed. */
    public WorkspaceSettings(
            String recontactAfterResponse,
            String recontactAfterInvitation,
            String invitationExpiry,
            String senderName,
            String senderEmail,
            String brandColor,
            String logoUrl,
            List<String> allowedOrigins,
            boolean oneClickConfirmation,
            String defaultLocale,
            boolean signedIdentityRequired) {
        this(
                recontactAfterResponse,
                recontactAfterInvitation,
                invitationExpiry,
                senderName,
                senderEmail,
                brandColor,
                logoUrl,
                allowedOrigins,
                oneClickConfirmation,
                defaultLocale,
                signedIdentityRequired,
                null);
    }

    public Duration recontactAfterResponseDuration() {
        return Duration.parse(recontactAfterResponse);
    }

    public Duration recontactAfterInvitationDuration() {
        return Duration.parse(recontactAfterInvitation);
    }

    public Duration invitationExpiryDuration() {
        return Duration.parse(invitationExpiry);
    }
}
