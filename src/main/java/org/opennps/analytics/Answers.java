package org.opennps.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
