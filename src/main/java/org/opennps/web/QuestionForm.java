package org.opennps.web;

import java.util.List;
import java.util.Map;
import org.opennps.survey.Question;
import org.opennps.survey.ScoreCategory;
import org.opennps.survey.ShowIf;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One question in the editor. {@code options} is one option per line; the show_if parts are
 * empty when unused; {@code labels} carries the end/point labels unchanged (as JSON).
 */
record QuestionForm(
        String id,
        String type,
        Map<String, String> text,
        String options,
        boolean required,
        List<String> showCategory,
        String showMin,
        String showMax,
        String showQuestion,
        String showEquals,
        String labels) {

    QuestionForm {
        showCategory = showCategory == null ? List.of() : List.copyOf(showCategory);
    }

    static QuestionForm of(Question q, List<String> locales, JsonMapper json) {
        ShowIf s = q.showIf();
        return new QuestionForm(
                q.id(),
                q.type().json(),
                SurveyForm.texts(q.text(), locales),
                q.options() == null ? "" : String.join("\n", q.options()),
                q.required(),
                s == null || s.category() == null
                        ? List.of()
                        : s.category().stream().map(ScoreCategory::code).toList(),
                s == null || s.scoreMin() == null ? "" : s.scoreMin().toString(),
                s == null || s.scoreMax() == null ? "" : s.scoreMax().toString(),
                s == null || s.question() == null ? "" : s.question(),
                s == null || s.equals() == null ? "" : s.equals(),
                q.labels() == null ? "" : json.writeValueAsString(q.labels()));
    }

    static QuestionForm blank(int number, List<String> locales) {
        Map<String, String> text = new java.util.LinkedHashMap<>();
        locales.forEach(l -> text.put(l, ""));
        return new QuestionForm("q" + number, "text", text, "", false, List.of(), "", "", "", "", "");
    }

    static QuestionForm read(MultiValueMap<String, String> p, String prefix, List<String> locales) {
        return new QuestionForm(
                SurveyForm.value(p, prefix + "id").strip(),
                SurveyForm.value(p, prefix + "type"),
                SurveyForm.perLocale(p, prefix + "text.", locales),
                SurveyForm.value(p, prefix + "options"),
                "true".equals(p.getFirst(prefix + "required")),
                p.getOrDefault(prefix + "show_category", List.of()),
                SurveyForm.value(p, prefix + "show_min"),
                SurveyForm.value(p, prefix + "show_max"),
                SurveyForm.value(p, prefix + "show_question"),
                SurveyForm.value(p, prefix + "show_equals"),
                SurveyForm.value(p, prefix + "labels"));
    }

    QuestionForm withText(Map<String, String> newText) {
        return new QuestionForm(
                id, type, newText, options, required, showCategory, showMin, showMax, showQuestion, showEquals, labels);
    }

    /** Whether the type takes options (templates call it too, hence public). */
    public boolean hasOptions() {
        return "single_choice".equals(type) || "multi_choice".equals(type);
    }

    ObjectNode toJson(JsonMapper json, SurveyForm form) {
        ObjectNode node = json.createObjectNode().put("id", id).put("type", type);
        node.set("text", form.textJson(json, text));
        node.put("required", required);
        if (hasOptions()) {
            var list = node.putArray("options");
            options.lines().map(String::strip).filter(o -> !o.isEmpty()).forEach(list::add);
        }
        int labelCount = "nps".equals(type) ? 2 : "rating".equals(type) ? 5 : 0;
        if (!labels.isBlank() && labelCount > 0) {
            try {
                var kept = json.readTree(labels);
                if (kept.isArray() && kept.size() == labelCount) {
                    node.set("labels", kept);
                }
            } catch (tools.jackson.core.JacksonException e) {
                // A tampered hidden field: the labels are dropped, the rest is saved.
            }
        }
        ObjectNode show = json.createObjectNode();
        if (!showCategory.isEmpty()) {
            var list = show.putArray("category");
            showCategory.forEach(list::add);
        }
        score(show, "score_min", showMin);
        score(show, "score_max", showMax);
        if (!showQuestion.isBlank()) {
            show.put("question", showQuestion.strip()).put("equals", showEquals.strip());
        }
        if (!show.isEmpty()) {
            node.set("show_if", show);
        }
        return node;
    }

    /** A number when it is one; otherwise the text, so the survey rules report it by its path. */
    private static void score(ObjectNode show, String name, String value) {
        if (value.isBlank()) {
            return;
        }
        try {
            show.put(name, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            show.put(name, value);
        }
    }
}
