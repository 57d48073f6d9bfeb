package org.opennps.delighted;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of Delighted's API: snake_case names, ids as strings, times in Unix seconds. */
final class Views {

    private Views() {}

    static Long unix(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }

    /**
     * A person; {@code surveyScheduledAt} only in the answer to POST /v1/people, when scheduled,
     * and {@code properties} only where Delighted shows them (that answer and a retrieve).
     */
    record Person(
            String id,
            String name,
            String email,
            String phoneNumber,
            Long createdAt,
            Long lastSentAt,
            Long lastRespondedAt,
            Long nextSurveyScheduledAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long surveyScheduledAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> properties) {}

    /** A survey response; {@code person} is the person's id, or the person with expand[]=person. */
    record SurveyResponse(
            String id,
            Object person,
            String surveyType,
            Integer score,
            String comment,
            String permalink,
            Long createdAt,
            Long updatedAt,
            Map<String, Object> personProperties,
            List<Note> notes,
            List<String> tags,
            List<AdditionalAnswer> additionalAnswers) {}

    /** A note on a response, as Delighted shows it. */
    record Note(String id, String text, String userEmail, Long createdAt) {}

    /** An answer to a question other than the score and the comment. */
    record AdditionalAnswer(String id, AnswerValue value, Question question) {}

    /** Exactly one of the four is set, after the question's type. */
    record AnswerValue(String freeResponse, Integer scale, Choice selectOne, List<Choice> selectMany) {}

    record Choice(String id, String text) {}

    record Question(String id, String type, String text) {}

    /** Core metrics with whole-number percentages, as Delighted reports them. */
    record Metrics(
            long nps,
            long promoterCount,
            long promoterPercent,
            long passiveCount,
            long passivePercent,
            long detractorCount,
            long detractorPercent,
            long responseCount) {}

    record Unsubscribe(String personId, String email, String name, Long unsubscribedAt) {}

    record Bounce(String personId, String email, String name, Long bouncedAt) {}

    /** An error in Delighted's shape, for answers written here rather than by an exception. */
    record Failure(int status, String message) {}

    record Ok(boolean ok) {
        static final Ok OK = new Ok(true);
    }
}
