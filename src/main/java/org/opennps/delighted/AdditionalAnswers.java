package org.opennps.delighted;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opennps.shared.FieldViolation;
import org.opennps.survey.Question;
import org.opennps.survey.QuestionType;
import org.opennps.survey.Survey;
import tools.jackson.databind.JsonNode;

/**
 * The questions after the score and the comment as Delighted's {@code additional_answers}: a
 * text question is a {@code free_response}, a rating a {@code scale}, a single choice
 * {@code select_one}, a multiple choice {@code select_many}. Question ids are OpenNPS's; a
 * choice's id is its option.
 */
final class AdditionalAnswers {

    private AdditionalAnswers() {}

    static List<Views.AdditionalAnswer> of(Survey survey, Map<String, Object> answers, String locale) {
        List<Views.AdditionalAnswer> out = new ArrayList<>();
        for (Question q : survey.questions()) {
            Object value = answers.get(q.id());
            if (value == null || q.type() == QuestionType.NPS || q.id().equals(DelightedSurvey.COMMENT)) {
                continue;
            }
            Views.AnswerValue v = switch (q.type()) {
                case TEXT -> new Views.AnswerValue(String.valueOf(value), null, null, null);
                case RATING -> new Views.AnswerValue(null, value instanceof Number n ? n.intValue() : null, null, null);
                case SINGLE_CHOICE -> new Views.AnswerValue(null, null, choice(value), null);
                case MULTI_CHOICE ->
                    new Views.AnswerValue(
                            null,
                            null,
                            null,
                            value instanceof List<?> list
                                    ? list.stream()
                                            .map(AdditionalAnswers::choice)
                                            .toList()
                                    : List.of(choice(value)));
                case NPS -> null;
            };
            out.add(new Views.AdditionalAnswer(
                    q.id(),
                    v,
                    new Views.Question(
                            q.id(),
                            type(q.type()),
                            q.text() == null ? null : q.text().resolve(locale))));
        }
        return out;
    }

    /**
     * Answers from {@code additional_answers} as PUT sends them ({@code question.id} or
     * {@code question_id}, and the value in the field of its type), as raw answers by question id.
     */
    static Map<String, Object> read(Survey survey, JsonNode given, List<FieldViolation> violations) {
        Map<String, Object> answers = new LinkedHashMap<>();
        if (given == null || given.isNull()) {
            return answers;
        }
        if (!given.isArray()) {
            violations.add(new FieldViolation("additional_answers", "must be a list"));
            return answers;
        }
        int i = 0;
        for (JsonNode a : given) {
            String path = "additional_answers[" + i++ + "]";
            String id =
                    a.path("question").path("id").asString(a.path("question_id").asString(""));
            Optional<Question> question = survey.question(id);
            if (question.isEmpty() || question.get().type() == QuestionType.NPS) {
                violations.add(new FieldViolation(path, "names no additional question of this survey"));
                continue;
            }
            JsonNode value = a.path("value");
            Object raw = switch (question.get().type()) {
                case TEXT ->
                    value.path("free_response").isString()
                            ? value.path("free_response").stringValue()
                            : "";
                case RATING ->
                    value.path("scale").isNumber()
                            ? Integer.valueOf(value.path("scale").intValue())
                            : null;
                case SINGLE_CHOICE -> text(value.path("select_one"));
                case MULTI_CHOICE -> {
                    List<String> chosen = new ArrayList<>();
                    for (JsonNode c : value.path("select_many")) {
                        chosen.add(text(c));
                    }
                    yield chosen;
                }
                case NPS -> null;
            };
            answers.put(id, raw);
        }
        return answers;
    }

    private static String text(JsonNode choice) {
        if (choice.isString()) {
            return choice.stringValue();
        }
        return choice.path("text").asString(choice.path("id").asString(""));
    }

    private static Views.Choice choice(Object value) {
        String text = String.valueOf(value);
        return new Views.Choice(text, text);
    }

    private static String type(QuestionType type) {
        return switch (type) {
            case TEXT -> "free_response";
            case RATING -> "scale";
            case SINGLE_CHOICE -> "select_one";
            case MULTI_CHOICE -> "select_many";
            case NPS -> "nps";
        };
    }
}
