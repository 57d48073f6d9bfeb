package org.opennps.respond;

import java.time.Instant;
import org.opennps.contact.Contact;
import org.opennps.invitation.Invitation;
import org.opennps.response.Response;
import org.opennps.survey.Survey;
import org.opennps.workspace.Wording;
import org.opennps.workspace.Workspace;

/** A respondent on an invitation's page: everything the page needs to know. */
record Visit(
        String token,
        Invitation invitation,
        Workspace workspace,
        Survey survey,
        Contact contact,
        Response response,
        String locale,
        Wording wording) {

    /** Why the survey cannot be answered now ({@code answered}, {@code unsubscribed}, {@code expired}), or null. */
    String blocked(Instant now) {
        if (response != null && response.completed()) {
            return "answered";
        }
        if (contact != null && contact.unsubscribedAt() != null) {
            return "unsubscribed";
        }
        return invitation.openAt(now) ? null : "expired";
    }

    Visit with(Response newer) {
        return new Visit(token, invitation, workspace, survey, contact, newer, locale, wording);
    }

    /** The path of the invitation's page, also the scope of its page nonces. */
    String path() {
        return "/s/" + token;
    }
}
