package org.opennps.response;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.TextRules;
import org.opennps.survey.Question;
import org.opennps.survey.QuestionType;
import org.opennps.survey.Survey;

/**
 * Turns raw answers (from JSON or a form) into typed ones: Integer for ratings, String for
 * single choice and text, List of String for multi choice. A null value means "no answer".
 */
final class AnswerRules {

    static final int MAX_TEXT = 5000;

    private AnswerRules() {}

    static Map<String, Object> typed(Survey survey, Map<String, Object> raw, String path, List<FieldViolation> out) {
        Map<String, Object> typed = new LinkedHashMap<>();
        raw.forEach((id, value) -> {
            String field = path + "." + id;
            Question q = survey.question(id).orElse(null);
            if (q == null) {
                out.add(new FieldViolation(field, "is not a question of this survey"));
            } else if (q.type() == QuestionType.NPS) {
                out.add(new FieldViolation(field, "send the NPS answer as score"));
            } else {
                typed.put(id, one(q, value, field, out));
            }
        });
        return typed;
    }

    private static Object one(Question q, Object value, String field, List<FieldViolation> out) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        return switch (q.type()) {
            case RATING -> rating(value, field, out);
            case SINGLE_CHOICE -> choice(q, value, field, out);
            case MULTI_CHOICE -> choices(q, value, field, out);
            case TEXT -> text(value, field, out);
            case NPS -> null;
        };
    }

    private static Integer rating(Object value, String field, List<FieldViolation> out) {
        String text = String.valueOf(value).trim();
        if (!text.matches("^[1-5]$")) {
            out.add(new FieldViolation(field, "must be a rating from 1 to 5"));
            return null;
        }
        return Integer.valueOf(text);
    }

    private static String choice(Question q, Object value, String field, List<FieldViolation> out) {
        if (!(value instanceof String s) || !q.options().contains(s)) {
            out.add(new FieldViolation(field, "must be one of the options"));
            return null;
        }
        return s;
    }

    private static List<String> choices(Question q, Object value, String field, List<FieldViolation> out) {
        Collection<?> values = value instanceof Collection<?> c ? c : List.of(value);
        List<String> chosen = new ArrayList<>();
        for (Object v : values) {
            if (!(v instanceof String s) || !q.options().contains(s)) {
                out.add(new FieldViolation(field, "must be a list of the options"));
                return null;
            }
            if (!chosen.contains(s)) {
                chosen.add(s);
            }
        }
        return chosen.isEmpty()
                ? null
                : q.options().stream().filter(chosen::contains).toList();
    }

    private static String text(Object value, String field, List<FieldViolation> out) {
        if (!(value instanceof String s)) {
            out.add(new FieldViolation(field, "must be a string"));
            return null;
        }
        String text = s.strip();
        if (text.length() > MAX_TEXT) {
            out.add(new FieldViolation(field, "must be at most " + MAX_TEXT + " characters"));
            return null;
        }
        if (TextRules.hasControlCharacters(text, true)) {
            out.add(new FieldViolation(field, "must not contain control characters"));
            return null;
        }
        return text;
    }

    /** Drops answers to questions the current score and answers no longer show, until stable. */
    static Map<String, Object> visibleOnly(Survey survey, Integer score, Map<String, Object> answers) {
        Map<String, Object> kept = new LinkedHashMap<>(answers);
        boolean changed = true;
        while (changed) {
            Map<String, Object> snapshot = Map.copyOf(kept);
            changed = kept.keySet()
                    .removeIf(id -> survey.question(id)
                            .map(q -> !q.visible(score, snapshot))
                            .orElse(true));
        }
        return kept;
    }

    /** Whether the answers hold a written comment: a non-blank answer to a text question. */
    static boolean hasComment(Survey survey, Map<String, Object> answers) {
        return answers.entrySet().stream()
                .anyMatch(e -> e.getValue() instanceof String text
                        && !text.isBlank()
                        && survey.question(e.getKey())
                                .map(q -> q.type() == org.opennps.survey.QuestionType.TEXT)
                                .orElse(false));
    }
}
