package org.opennps.respond;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opennps.survey.Question;
import org.opennps.survey.QuestionType;
import org.opennps.survey.Survey;
import org.springframework.util.MultiValueMap;

/**
 * A posted survey form: the score, the answers to the questions the form showed (an unticked
 * question clears its answer) and which questions it showed.
 */
record FormInput(Integer score, boolean badScore, Map<String, Object> answers, Set<String> shown) {

    static FormInput read(MultiValueMap<String, String> params, Survey survey) {
        String rawScore = params.getFirst("score");
        Integer score = parseScore(rawScore);
        Set<String> shown = new HashSet<>(params.getOrDefault("shown", List.of()));
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Question q : survey.questions()) {
            if (q.type() == QuestionType.NPS || !shown.contains(q.id())) {
                continue;
            }
            List<String> values = params.get(q.id());
            if (values == null || values.isEmpty()) {
                answers.put(q.id(), null);
            } else {
                answers.put(q.id(), q.type() == QuestionType.MULTI_CHOICE ? List.copyOf(values) : values.getFirst());
            }
        }
        return new FormInput(score, rawScore != null && !rawScore.isBlank() && score == null, answers, shown);
    }

    /** A score 0–10 from a form field or link, else null. */
    static Integer parseScore(String text) {
        if (text == null || !text.trim().matches("^(10|[0-9])$")) {
            return null;
        }
        return Integer.valueOf(text.trim());
    }

    boolean empty() {
        return score == null && answers.values().stream().allMatch(v -> v == null);
    }
}
