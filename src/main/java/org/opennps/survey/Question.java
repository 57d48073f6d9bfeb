package org.opennps.survey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One question. {@code options} belong to choice questions; {@code labels} are the end labels
 * of an nps (low, high) or the five point labels of a rating; {@code showIf} null means always.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Question(
        String id,
        QuestionType type,
        Texts text,
        boolean required,
        List<String> options,
        List<Texts> labels,
        ShowIf showIf) {

    public Question {
        options = options == null ? null : List.copyOf(options);
        labels = labels == null ? null : List.copyOf(labels);
    }

    /** Whether the question is shown for this score (null: none yet) and these answers. */
    public boolean visible(Integer score, Map<String, Object> answers) {
        return showIf == null || showIf.matches(score, answers);
    }
}
