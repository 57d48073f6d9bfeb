package org.opennps.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The campaign builder's form as plain fields. It becomes the same JSON the API takes, so the
 * campaign module validates it and names broken fields by the API's paths
 * ({@code steps[2].conditions[0].within}), which the page shows next to those fields.
 */
record CampaignForm(
        String name,
        String surveyId,
        String eventType,
        List<ConditionForm> where,
        String exitOn,
        String sampling,
        String dailyCap,
        List<StepForm> steps) {

    private static final int MAX_STEPS = 20;

    CampaignForm {
        where = where == null ? List.of() : List.copyOf(where);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** From a campaign as the API shows it, or a template's campaign. */
    static CampaignForm of(JsonNode c, String defaultSurveyId) {
        List<ConditionForm> where = new ArrayList<>();
        c.path("trigger").path("where").forEach(w -> where.add(ConditionForm.of(w, "property")));
        List<String> exits = new ArrayList<>();
        c.path("exit_on").forEach(e -> exits.add(e.asString("")));
        List<StepForm> steps = new ArrayList<>();
        c.path("steps").forEach(s -> steps.add(StepForm.of(s)));
        return new CampaignForm(
                c.path("name").asString(""),
                c.path("survey_id").asString(defaultSurveyId == null ? "" : defaultSurveyId),
                c.path("trigger").path("event_type").asString(""),
                where,
                String.join(", ", exits),
                c.path("sampling_percent").isMissingNode()
                        ? "100"
                        : c.path("sampling_percent").asString(""),
                c.path("daily_cap").isMissingNode() ? "" : c.path("daily_cap").asString(""),
                steps);
    }

    static CampaignForm read(MultiValueMap<String, String> p) {
        int whereCount = Math.min(20, SurveyForm.parseInt(p.getFirst("where_count"), 0));
        List<ConditionForm> where = new ArrayList<>();
        for (int i = 0; i < whereCount; i++) {
            where.add(ConditionForm.read(p, "w" + i + ".", "property"));
        }
        int stepCount = Math.min(MAX_STEPS, SurveyForm.parseInt(p.getFirst("step_count"), 0));
        List<StepForm> steps = new ArrayList<>();
        for (int i = 0; i < stepCount; i++) {
            steps.add(StepForm.read(p, "s" + i + "."));
        }
        return new CampaignForm(
                SurveyForm.value(p, "name").strip(),
                SurveyForm.value(p, "survey_id"),
                SurveyForm.value(p, "event_type").strip(),
                where,
                SurveyForm.value(p, "exit_on"),
                SurveyForm.value(p, "sampling_percent").strip(),
                SurveyForm.value(p, "daily_cap").strip(),
                steps);
    }

    ObjectNode toJson(JsonMapper json) {
        ObjectNode body = json.createObjectNode().put("name", name);
        if (!surveyId.isBlank()) {
            body.put("survey_id", surveyId);
        }
        ObjectNode trigger = body.putObject("trigger").put("event_type", eventType);
        if (!where.isEmpty()) {
            ArrayNode list = trigger.putArray("where");
            where.forEach(w -> list.add(w.toJson(json, true)));
        }
        ArrayNode exits = body.putArray("exit_on");
        for (String e : exitOn.split("[\\s,]+")) {
            if (!e.isBlank()) {
                exits.add(e.strip());
            }
        }
        number(body, "sampling_percent", sampling);
        number(body, "daily_cap", dailyCap);
        ArrayNode list = body.putArray("steps");
        steps.forEach(s -> list.add(s.toJson(json)));
        return body;
    }

    /**
     * The form after a builder action, unsaved: add-step:type (before the action), remove-step:i,
     * up:i, down:i, add-condition:i:type, remove-condition:i:j, add-where, remove-where:j.
     */
    CampaignForm edited(String action) {
        String[] a = action == null ? new String[] {""} : action.split(":");
        List<StepForm> s = new ArrayList<>(steps);
        List<ConditionForm> w = new ArrayList<>(where);
        int i = a.length > 1 ? SurveyForm.parseInt(a[1], -1) : -1;
        boolean inRange = i >= 0 && i < s.size();
        switch (a[0]) {
            case "add-step" -> {
                if (s.size() < MAX_STEPS && a.length > 1 && StepForm.TYPES.contains(a[1])) {
                    int at = s.isEmpty() || !"action".equals(s.getLast().type()) ? s.size() : s.size() - 1;
                    s.add(at, StepForm.blank(a[1]));
                }
            }
            case "remove-step" -> {
                if (inRange) {
                    s.remove(i);
                }
            }
            case "up" -> swap(s, i, i - 1);
            case "down" -> swap(s, i, i + 1);
            case "add-condition" -> {
                if (inRange && a.length > 2 && ConditionForm.TYPES.contains(a[2])) {
                    List<ConditionForm> c = new ArrayList<>(s.get(i).conditions());
                    c.add(ConditionForm.blank(a[2]));
                    s.set(i, s.get(i).withConditions(c));
                }
            }
            case "remove-condition" -> {
                int j = a.length > 2 ? SurveyForm.parseInt(a[2], -1) : -1;
                if (inRange && j >= 0 && j < s.get(i).conditions().size()) {
                    List<ConditionForm> c = new ArrayList<>(s.get(i).conditions());
                    c.remove(j);
                    s.set(i, s.get(i).withConditions(c));
                }
            }
            case "add-where" -> w.add(ConditionForm.blank("property"));
            case "remove-where" -> {
                if (i >= 0 && i < w.size()) {
                    w.remove(i);
                }
            }
            default -> {}
        }
        return new CampaignForm(name, surveyId, eventType, w, exitOn, sampling, dailyCap, s);
    }

    /** Properties a sample event should carry: those the trigger and the filters refer to. */
    List<String> sampleProperties() {
        Set<String> names = new LinkedHashSet<>();
        where.forEach(w -> names.add(w.name()));
        steps.forEach(s -> s.conditions().forEach(c -> {
            names.addAll(c.triggerRefs());
            if ("property".equals(c.type())) {
                names.add(c.name());
            }
        }));
        names.removeIf(String::isBlank);
        return List.copyOf(names);
    }

    /** A number stays a number so the rules judge it; anything else is sent as typed. */
    private static void number(ObjectNode body, String field, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            body.put(field, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            body.put(field, text);
        }
    }

    private static <T> void swap(List<T> list, int a, int b) {
        if (a >= 0 && b >= 0 && a < list.size() && b < list.size()) {
            T x = list.get(a);
            list.set(a, list.get(b));
            list.set(b, x);
        }
    }
}
