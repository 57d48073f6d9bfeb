package org.opennps.response;

import java.util.Map;

/**
 * What a respondent sends in one step: a score (null keeps the current one), raw answers
 * (String, Number or List of String per question id; a blank text removes an answer), whether
 * the score is confirmed, and whether this step finishes the survey.
 */
public record Submission(Integer score, boolean confirmed, Map<String, Object> answers, boolean complete) {

    public Submission {
        answers = answers == null ? Map.of() : answers;
    }
}
