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

    /** A person; {@code surveyScheduledAt} only in the answer to POST /v1/people, when scheduled. */
    record Person(
            String id,
            String name,
            String email,
            String phoneNumber,
            Long createdAt,
            Long lastSentAt,
            Long lastRespondedAt,
            Long nextSurveyScheduledAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long surveyScheduledAt) {}

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
            List<Object> notes,
            List<Object> tags,
            List<Object> additionalAnswers) {}

    record Metrics(
            long nps,
            long promoterCount,
            double promoterPercent,
            long passiveCount,
            double passivePercent,
            long detractorCount,
            double detractorPercent,
            long responseCount) {}

    record Unsubscribe(String personId, String email, String name, Long unsubscribedAt) {}

    record Bounce(String personId, String email, String name, Long bouncedAt) {}

    record Ok(boolean ok) {
        static final Ok OK = new Ok(true);
    }
}
