package org.opennps.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One condition in the campaign builder: a trigger {@code where} condition (type "property")
 * or a filter step's condition (event, attribute, property, not_surveyed_within, consent).
 * {@code match} holds one {@code name=value} per line; {@code value} of "in" is comma-separated.
 */
record ConditionForm(
        String type,
        String name,
        String op,
        String value,
        String eventType,
        String within,
        String match,
        String duration) {

    static final List<String> TYPES = List.of("event", "attribute", "property", "not_surveyed_within", "consent");
    static final List<String> OPS = List.of("eq", "neq", "gt", "gte", "lt", "lte", "in", "contains", "exists");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");

    static ConditionForm blank(String type) {
        return switch (type) {
            case "event" -> new ConditionForm(type, "", "eq", "", "", "P2D", "", "");
            case "not_surveyed_within" -> new ConditionForm(type, "", "eq", "", "", "", "", "P90D");
            default -> new ConditionForm(type, "", "eq", "", "", "", "", "");
        };
    }

    static ConditionForm of(JsonNode c, String type) {
        StringBuilder match = new StringBuilder();
        c.path("match")
                .properties()
                .forEach(e -> match.append(e.getKey())
                        .append('=')
                        .append(e.getValue().asString(""))
                        .append('\n'));
        return new ConditionForm(
                type,
                c.path("property".equals(type) ? "property" : "name").asString(""),
                c.path("op").asString("eq"),
                value(c.path("value")),
                c.path("event_type").asString(""),
                c.path("within").asString(""),
                match.toString().strip(),
                c.path("duration").asString(""));
    }

    static ConditionForm read(MultiValueMap<String, String> p, String prefix, String fixedType) {
        return new ConditionForm(
                fixedType != null ? fixedType : SurveyForm.value(p, prefix + "type"),
                SurveyForm.value(p, prefix + "name").strip(),
                SurveyForm.value(p, prefix + "op"),
                SurveyForm.value(p, prefix + "value").strip(),
                SurveyForm.value(p, prefix + "event_type").strip(),
                SurveyForm.value(p, prefix + "within").strip(),
                SurveyForm.value(p, prefix + "match"),
                SurveyForm.value(p, prefix + "duration").strip());
    }

    ObjectNode toJson(JsonMapper json, boolean triggerCondition) {
        ObjectNode node = json.createObjectNode();
        if (!triggerCondition) {
            node.put("type", type);
        }
        switch (type) {
            case "event" -> {
                node.put("event_type", eventType).put("within", within);
                ObjectNode m = node.putObject("match");
                match.lines().map(String::strip).filter(l -> l.contains("=")).forEach(l -> {
                    int eq = l.indexOf('=');
                    m.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
                });
            }
            case "not_surveyed_within" -> node.put("duration", duration);
            case "attribute", "property" -> {
                node.put("attribute".equals(type) ? "name" : "property", name).put("op", op);
                putValue(node);
            }
            default -> {}
        }
        return node;
    }

    /** true/false and numbers keep their JSON type; "in" takes a comma-separated list. */
    private void putValue(ObjectNode node) {
        if ("exists".equals(op)) {
            if (!value.isBlank()) {
                node.put("value", !"false".equalsIgnoreCase(value));
            }
            return;
        }
        if ("in".equals(op)) {
            ArrayNode list = node.putArray("value");
            for (String v : value.split(",")) {
                if (!v.isBlank()) {
                    list.add(scalar(v.strip()));
                }
            }
            return;
        }
        if (!value.isEmpty()) {
            node.set("value", scalar(value));
        }
    }

    private static JsonNode scalar(String v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if ("true".equals(v) || "false".equals(v)) {
            return f.booleanNode(Boolean.parseBoolean(v));
        }
        if (NUMBER.matcher(v).matches()) {
            return v.contains(".") ? f.numberNode(Double.parseDouble(v)) : f.numberNode(Long.parseLong(v));
        }
        return f.stringNode(v);
    }

    private static String value(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return "";
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(i -> items.add(i.asString("")));
            return String.join(", ", items);
        }
        return v.asString("");
    }

    /** Trigger properties named by {{trigger.x}} in the match values, for a sample event. */
    List<String> triggerRefs() {
        List<String> refs = new ArrayList<>();
        var m = Pattern.compile("\\{\\{\\s*trigger\\.([A-Za-z0-9_.:-]+)\\s*}}").matcher(match);
        while (m.find()) {
            refs.add(m.group(1));
        }
        return refs;
    }
}
