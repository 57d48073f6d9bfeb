package org.opennps.response;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opennps.shared.FieldViolation;
import org.opennps.survey.ScoreCategory;
import org.opennps.survey.Survey;

/** How one submission changes a response: the rules of scores, confirmation and follow-ups. */
final class ResponseChange {

    private ResponseChange() {}

    /**
     * The response after the submission. An unconfirmed (one-click) score never overrides a
     * confirmed one; answers to questions the new state hides are dropped; the response completes
     * when asked and nothing required is missing. Broken answers go to {@code violations}.
     */
    static Response apply(Survey survey, Response current, Submission s, Instant now, List<FieldViolation> violations) {
        Integer score = current.score();
        boolean confirmed = current.confirmed();
        if (s.score() != null && (s.score() < 0 || s.score() > 10)) {
            violations.add(new FieldViolation("score", "must be a whole number from 0 to 10"));
        } else if (s.score() != null && (s.confirmed() || !current.confirmed())) {
            score = s.score();
            confirmed = s.confirmed();
        }
        Map<String, Object> answers = new LinkedHashMap<>(current.answers());
        AnswerRules.typed(survey, s.answers(), "answers", violations).forEach((id, value) -> {
            if (value == null) {
                answers.remove(id);
            } else {
                answers.put(id, value);
            }
        });
        Map<String, Object> visible = AnswerRules.visibleOnly(survey, score, answers);
        boolean done = s.complete() && survey.unanswered(score, visible).isEmpty();
        return new Response(
                current.id(),
                current.workspaceId(),
                current.surveyId(),
                current.campaignId(),
                current.invitationId(),
                current.contactId(),
                current.channel(),
                score,
                score == null ? null : ScoreCategory.of(score),
                confirmed,
                visible,
                current.contactAttributes(),
                current.eventProperties(),
                current.locale(),
                current.startedAt(),
                done ? now : null,
                now);
    }
}
