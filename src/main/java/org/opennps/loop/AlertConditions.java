package org.opennps.loop;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.opennps.response.ResponseRecorded;
import org.opennps.shared.Coded;

/**
 * When a rule fires. Every condition given must hold; an empty rule matches every confirmed
 * score.
 *
 * @param category detractor, passive, promoter (any of)
 * @param answerQuestion with {@code answerEquals}: an answer, e.g. area = Delivery
 * @param commentContains words any free-text answer contains (any of, whole words, any case)
 * @param attributeName with {@code attributeEquals}: the contact segment at response time
 */
record AlertConditions(
        List<String> category,
        Integer scoreMin,
        Integer scoreMax,
        String answerQuestion,
        String answerEquals,
        List<String> commentContains,
        String attributeName,
        String attributeEquals,
        List<String> channel) {

    AlertConditions {
        category = category == null ? List.of() : List.copyOf(category);
        commentContains = commentContains == null ? List.of() : List.copyOf(commentContains);
        channel = channel == null ? List.of() : List.copyOf(channel);
    }

    /** Whether the response, as it stands now, meets the conditions. */
    boolean matches(ResponseRecorded r) {
        if (!r.confirmed() || r.score() == null) {
            return false;
        }
        return (category.isEmpty() || category.contains(Coded.codeOf(r.category())))
                && (scoreMin == null || r.score() >= scoreMin)
                && (scoreMax == null || r.score() <= scoreMax)
                && (channel.isEmpty() || channel.contains(Coded.codeOf(r.channel())))
                && (answerQuestion == null || answered(r.answers().get(answerQuestion)))
                && (attributeName == null
                        || Objects.equals(asText(r.contactAttributes().get(attributeName)), attributeEquals))
                && (commentContains.isEmpty() || mentions(r.answers()));
    }

    private boolean answered(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(v -> Objects.equals(asText(v), answerEquals));
        }
        return Objects.equals(asText(value), answerEquals);
    }

    private boolean mentions(Map<String, Object> answers) {
        String text = answers.values().stream()
                .filter(String.class::isInstance)
                .map(v -> ((String) v).toLowerCase(Locale.ROOT))
                .reduce("", (a, b) -> a + "\n" + b);
        return commentContains.stream()
                .anyMatch(word -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.toLowerCase(Locale.ROOT))
                                + "(?![\\p{L}\\p{N}])")
                        .matcher(text)
                        .find());
    }

    private static String asText(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
