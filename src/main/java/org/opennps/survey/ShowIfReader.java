package org.opennps.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opennps.shared.Coded;
import org.opennps.shared.JsonFields;
import tools.jackson.databind.JsonNode;

/** Reads a {@code show_if}: score conditions need an earlier nps question, answers an earlier question. */
final class ShowIfReader {

    private ShowIfReader() {}

    static ShowIf read(JsonFields parent, QuestionType type, List<Question> earlier, boolean npsBefore) {
        JsonFields f = parent.object("show_if", false);
        if (type == QuestionType.NPS) {
            parent.reject("show_if", "the nps question is always shown");
            return null;
        }
        List<ScoreCategory> category = category(f);
        Integer min = score(f, "score_min");
        Integer max = score(f, "score_max");
        if (min != null && max != null && min > max) {
            f.reject("score_max", "must not be below score_min");
        }
        boolean scored = category != null || min != null || max != null;
        if (scored && !npsBefore) {
            parent.reject("show_if", "score conditions need an nps question before this one");
        }
        String question = f.string("question", 40, false);
        String equals = null;
        if (question != null) {
            equals = answerCondition(f, question, earlier);
        } else if (f.has("equals")) {
            f.reject("question", "is required with equals");
        }
        if (!scored && question == null) {
            parent.reject("show_if", "needs category, score_min, score_max or question");
        }
        return new ShowIf(category, min, max, question, equals);
    }

    private static String answerCondition(JsonFields f, String question, List<Question> earlier) {
        Question target = earlier.stream()
                .filter(q -> q.id().equals(question))
                .findFirst()
                .orElse(null);
        String equals = f.string("equals", 200, true);
        if (target == null) {
            f.reject("question", "must be the id of an earlier question");
        } else if (target.type() == QuestionType.NPS) {
            f.reject("question", "use category or score_min/score_max for the nps question");
        } else if (equals != null
                && target.options() != null
                && !target.options().contains(equals)) {
            f.reject("equals", "must be one of the options of question " + question);
        } else if (equals != null && target.type() == QuestionType.RATING && !equals.matches("^[1-5]$")) {
            f.reject("equals", "must be a rating from 1 to 5");
        }
        return equals;
    }

    private static List<ScoreCategory> category(JsonFields f) {
        if (!f.has("category")) {
            return null;
        }
        JsonNode node = f.raw("category");
        List<ScoreCategory> result = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            f.reject("category", "must be a list of detractor, passive, promoter");
            return null;
        }
        for (JsonNode item : node) {
            var category = item.isString()
                    ? Coded.find(ScoreCategory.class, item.stringValue())
                    : Optional.<ScoreCategory>empty();
            if (category.isEmpty()) {
                f.reject("category", "must be a list of detractor, passive, promoter");
                return null;
            }
            result.add(category.get());
        }
        return result;
    }

    private static Integer score(JsonFields f, String name) {
        if (!f.has(name)) {
            return null;
        }
        JsonNode node = f.raw(name);
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 0 || node.asInt() > 10) {
            f.reject(name, "must be a whole number from 0 to 10");
            return null;
        }
        return node.asInt();
    }
}
