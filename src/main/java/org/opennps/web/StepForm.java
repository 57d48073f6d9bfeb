package org.opennps.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** One step in the campaign builder; only the fields of its type are used. */
record StepForm(
        String type,
        String duration,
        List<String> days,
        String from,
        String to,
        List<ConditionForm> conditions,
        String action,
        String subject,
        String body,
        String url,
        String secret) {

    static final List<String> TYPES = List.of("delay", "wait_until", "filter", "action");
    static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");
    static final List<String> ACTIONS = List.of("email", "web", "webhook", "message");
    private static final int MAX_CONDITIONS = 20;

    StepForm {
        days = days == null ? List.of() : List.copyOf(days);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    static StepForm blank(String type) {
        return switch (type) {
            case "delay" -> new StepForm(type, "P1D", null, "", "", null, "", "", "", "", "");
            case "wait_until" -> new StepForm(type, "", DAYS.subList(0, 5), "09:00", "18:00", null, "", "", "", "", "");
            case "filter" ->
                new StepForm(type, "", null, "", "", List.of(ConditionForm.blank("consent")), "", "", "", "", "");
            default -> new StepForm("action", "", null, "", "", null, "email", "How did we do?", "", "", "");
        };
    }

    static StepForm of(JsonNode s) {
        List<String> days = new ArrayList<>();
        s.path("days").forEach(d -> days.add(d.asString("")));
        List<ConditionForm> conditions = new ArrayList<>();
        s.path("conditions")
                .forEach(c -> conditions.add(ConditionForm.of(c, c.path("type").asString(""))));
        String type = s.path("type").asString("");
        return new StepForm(
                type,
                s.path("duration").asString(""),
                "wait_until".equals(type) && days.isEmpty() ? DAYS : days,
                s.path("from").asString(""),
                s.path("to").asString(""),
                conditions,
                s.path("action").asString(""),
                s.path("subject").asString(""),
                s.path("body").asString(""),
                s.path("url").asString(""),
                s.path("secret").asString(""));
    }

    static StepForm read(MultiValueMap<String, String> p, String prefix) {
        int count = Math.min(MAX_CONDITIONS, SurveyForm.parseInt(p.getFirst(prefix + "count"), 0));
        List<ConditionForm> conditions = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            conditions.add(ConditionForm.read(p, prefix + "c" + j + ".", null));
        }
        return new StepForm(
                SurveyForm.value(p, prefix + "type"),
                SurveyForm.value(p, prefix + "duration").strip(),
                p.getOrDefault(prefix + "days", List.of()),
                SurveyForm.value(p, prefix + "from").strip(),
                SurveyForm.value(p, prefix + "to").strip(),
                conditions,
                SurveyForm.value(p, prefix + "action"),
                SurveyForm.value(p, prefix + "subject").strip(),
                SurveyForm.value(p, prefix + "body"),
                SurveyForm.value(p, prefix + "url").strip(),
                SurveyForm.value(p, prefix + "secret").strip());
    }

    StepForm withConditions(List<ConditionForm> list) {
        return new StepForm(type, duration, days, from, to, list, action, subject, body, url, secret);
    }

    ObjectNode toJson(JsonMapper json) {
        ObjectNode node = json.createObjectNode().put("type", type);
        switch (type) {
            case "delay" -> node.put("duration", duration);
            case "wait_until" -> {
                ArrayNode list = node.putArray("days");
                days.forEach(list::add);
                node.put("from", from).put("to", to);
            }
            case "filter" -> {
                ArrayNode list = node.putArray("conditions");
                conditions.forEach(c -> list.add(c.toJson(json, false)));
            }
            case "action" -> {
                node.put("action", action);
                putIfGiven(node, "subject", subject);
                putIfGiven(node, "body", body);
                putIfGiven(node, "url", url);
                putIfGiven(node, "secret", secret);
            }
            default -> {}
        }
        return node;
    }

    private static void putIfGiven(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
