package org.opennps.delivery;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A survey invitation e-mail to render and queue: the question with the 0–10 scale as eleven
 * one-click links, a link to the full survey and an unsubscribe link.
 *
 * @param reference what the e-mail is for (the invitation id), so it is queued once
 * @param intro optional text above the question
 * @param scoreUrls eleven links, index = score
 * @param subject the subject line; null for the translated default
 * @param locale language of the fixed texts (see the message bundles; others fall back to en)
 */
public record SurveyEmail(
        UUID workspaceId,
        String reference,
        String to,
        String subject,
        String intro,
        String question,
        List<String> scoreUrls,
        String surveyUrl,
        String unsubscribeUrl,
        String locale) {

    public SurveyEmail {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(surveyUrl, "surveyUrl");
        Objects.requireNonNull(unsubscribeUrl, "unsubscribeUrl");
        scoreUrls = List.copyOf(scoreUrls);
        if (scoreUrls.size() != 11) {
            throw new IllegalArgumentException("scoreUrls must hold 11 links, for the scores 0 to 10");
        }
    }
}
