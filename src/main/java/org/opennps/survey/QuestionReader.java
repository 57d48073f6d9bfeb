package org.opennps.survey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opennps.shared.JsonFields;
import org.opennps.shared.TextRules;
import tools.jackson.databind.JsonNode;

/** Reads one question, checking it against the questions before it. */
final class QuestionReader {

    static final int MAX_OPTIONS = 50;

    private QuestionReader() {}

    /** The question, or null when its id or type is unusable (violations say why). */
    static Question read(JsonFields f, List<Question> earlier, boolean npsBefore) {
        String id = f.token("id", SurveyReader.ID, "must be 1-40 lower-case letters, digits or _", true);
        String typeName = f.string("type", 20, true);
        QuestionType type = typeName == null ? null : QuestionType.ofJson(typeName);
        if (typeName != null && type == null) {
            f.reject("type", "must be one of nps, rating, single_choice, multi_choice, text");
        }
        if (type == QuestionType.NPS && npsBefore) {
            f.reject("type", "a survey has at most one nps question");
        }
        Texts text = TextsReader.read(f, "text", 1000);
        boolean required = required(f, type == QuestionType.NPS);
        List<String> options = options(f, type);
        List<Texts> labels = labels(f, type);
        ShowIf showIf = f.has("show_if") ? ShowIfReader.read(f, type, earlier, npsBefore) : null;
        if (id == null || type == null || text == null) {
            return null;
        }
        return new Question(id, type, text, required, options, labels, showIf);
    }

    private static boolean required(JsonFields f, boolean byDefault) {
        if (!f.has("required")) {
            return byDefault;
        }
        JsonNode node = f.raw("required");
        if (!node.isBoolean()) {
            f.reject("required", "must be true or false");
            return byDefault;
        }
        return node.booleanValue();
    }

    private static List<String> options(JsonFields f, QuestionType type) {
        boolean choice = type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTI_CHOICE;
        if (!choice) {
            if (f.has("options")) {
                f.reject("options", "only choice questions have options");
            }
            return null;
        }
        JsonNode node = f.raw("options");
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > MAX_OPTIONS) {
            f.reject("options", "must be a list of 1 to " + MAX_OPTIONS + " options");
            return null;
        }
        Set<String> options = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode option = node.get(i);
            String path = "options[" + i + "]";
            if (!option.isString()
                    || option.stringValue().isBlank()
                    || option.stringValue().length() > 200) {
                f.reject(path, "must be a non-blank string of at most 200 characters");
            } else if (TextRules.hasControlCharacters(option.stringValue(), false)) {
                f.reject(path, "must not contain control characters");
            } else if (!options.add(option.stringValue().strip())) {
                f.reject(path, "duplicates an earlier option");
            }
        }
        return List.copyOf(options);
    }

    private static List<Texts> labels(JsonFields f, QuestionType type) {
        int count = type == QuestionType.NPS ? 2 : type == QuestionType.RATING ? 5 : 0;
        if (!f.has("labels")) {
            return null;
        }
        JsonNode node = f.raw("labels");
        if (count == 0) {
            f.reject("labels", "only nps (2 end labels) and rating (5 labels) questions have labels");
            return null;
        }
        if (!node.isArray() || node.size() != count) {
            f.reject("labels", "must be a list of " + count + " labels");
            return null;
        }
        List<Texts> labels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Texts label = TextsReader.lenient(node.get(i), 100);
            if (label == null) {
                f.reject("labels[" + i + "]", "must be a non-blank text (or locale → text) of at most 100 characters");
            }
            labels.add(label);
        }
        return labels.contains(null) ? null : labels;
    }
}
