package org.opennps.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the area choice and the free-text comment out of a response's answers. The area is
 * the answer to question {@code area}, or else any single choice naming one of the areas (a
 * survey may give the area question another id); every other text answer is comment.
 */
final class Answers {

    static final List<String> AREAS = List.of("Product", "Pricing", "Support", "Delivery", "Ease of use", "Other");
    static final String AREA_QUESTION = "area";
    private static final int MAX_COMMENT = 4000;

    private Answers() {}

    /**
     * What the survey says about its questions: the id of its area question and the ids of its
     * text questions. Without it (survey unknown) the answers' shapes decide.
     */
    record Kinds(String areaQuestion, Set<String> textQuestions) {
        Kinds {
            textQuestions = Set.copyOf(textQuestions);
        }
    }

    static String area(Map<String, Object> answers, Kinds kinds) {
        if (kinds != null) {
            return kinds.areaQuestion() != null
                            && answers.get(kinds.areaQuestion()) instanceof String chosen
                            && isArea(chosen)
                    ? canonical(chosen)
                    : null;
        }
        return area(answers);
    }

    static String comment(Map<String, Object> answers, Kinds kinds) {
        if (kinds == null) {
            return comment(answers);
        }
        Map<String, Object> texts = new java.util.LinkedHashMap<>(answers);
        texts.keySet().retainAll(kinds.textQuestions());
        return comment(texts);
    }

    /** True when the options of a choice question are exactly the areas. */
    static boolean areAreas(List<String> options) {
        return options != null
                && options.size() == AREAS.size()
                && options.stream().allMatch(Answers::isArea);
    }

    static String area(Map<String, Object> answers) {
        if (answers.get(AREA_QUESTION) instanceof String chosen && isArea(chosen)) {
            return canonical(chosen);
        }
        for (Object value : answers.values()) {
            if (value instanceof String chosen && isArea(chosen)) {
                return canonical(chosen);
            }
        }
        return null;
    }

    static String comment(Map<String, Object> answers) {
        List<String> texts = new ArrayList<>();
        answers.forEach((question, value) -> {
            if (!AREA_QUESTION.equals(question) && value instanceof String text && !isArea(text)) {
                String trimmed = text.strip();
                if (!trimmed.isEmpty()) {
                    texts.add(trimmed);
                }
            }
        });
        if (texts.isEmpty()) {
            return null;
        }
        String joined = String.join("\n", texts);
        return joined.length() > MAX_COMMENT ? joined.substring(0, MAX_COMMENT) : joined;
    }

    private static boolean isArea(String value) {
        return AREAS.stream().anyMatch(a -> a.equalsIgnoreCase(value.strip()));
    }

    private static String canonical(String value) {
        return AREAS.stream()
                .filter(a -> a.equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow();
    }
}
