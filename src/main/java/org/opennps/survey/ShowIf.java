package org.opennps.survey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * When a question is shown: every given condition must hold. {@code category} and the score
 * range test the NPS score; {@code question}/{@code equals} test an earlier answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShowIf(List<ScoreCategory> category, Integer scoreMin, Integer scoreMax, String question, String equals) {

    public ShowIf {
        category = category == null ? null : List.copyOf(category);
    }

    /** Whether the condition depends on the NPS score. */
    public boolean needsScore() {
        return category != null || scoreMin != null || scoreMax != null;
    }

    /** Whether the question is shown for this score (null: none yet) and these answers. */
    public boolean matches(Integer score, Map<String, Object> answers) {
        if (needsScore()) {
            if (score == null) {
                return false;
            }
            if (category != null && !category.contains(ScoreCategory.of(score))) {
                return false;
            }
            if ((scoreMin != null && score < scoreMin) || (scoreMax != null && score > scoreMax)) {
                return false;
            }
        }
        return question == null || answered(answers.get(question));
    }

    private boolean answered(Object answer) {
        return switch (answer) {
            case null -> false;
            case Collection<?> values -> values.stream().anyMatch(v -> equals.equals(String.valueOf(v)));
            default -> equals.equals(String.valueOf(answer));
        };
    }
}
