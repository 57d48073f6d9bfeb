package org.opennps.invitation;

/**
 * A newly issued invitation with its survey link, whose token was made once when it was
 * issued: the score, survey and unsubscribe links of its e-mail all derive from it.
 */
public record IssuedInvitation(Invitation invitation, String surveyUrl) {

    /** The one-click link that answers the NPS question with {@code score}. */
    public String scoreUrl(int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("A score is 0 to 10");
        }
        return surveyUrl + "?score=" + score;
    }

    public String unsubscribeUrl() {
        return surveyUrl + "/unsubscribe";
    }
}
