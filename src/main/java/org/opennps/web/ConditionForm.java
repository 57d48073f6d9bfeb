package org.opennps.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.opennps.campaign.CampaignStep;
import org.opennps.campaign.SaveCampaign;
import org.springframework.util.MultiValueMap;

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

    /** A trigger's {@code where} condition. */
    static ConditionForm of(SaveCampaign.PropertyCondition c) {
        return new ConditionForm(
                "property", CampaignForm.text(c.property()), op(c.op()), value(c.value()), "", "", "", "");
    }

    /** A filter step's condition. */
    static ConditionForm of(CampaignStep.Condition c) {
        return switch (c) {
            case CampaignStep.EventHappened e -> {
                StringBuilder match = new StringBuilder();
                if (e.match() != null) {
                    e.match()
                            .forEach((key, value) ->
                                    match.append(key).append('=').append(value).append('\n'));
                }
                yield new ConditionForm(
                        "event",
                        "",
                        "eq",
                        "",
                        CampaignForm.text(e.eventType()),
                        CampaignForm.text(e.within()),
                        match.toString().strip(),
                        "");
            }
            case CampaignStep.AttributeIs a ->
                new ConditionForm(
                        "attribute", CampaignForm.text(a.name()), op(a.op()), value(a.value()), "", "", "", "");
            case CampaignStep.PropertyIs p ->
                new ConditionForm(
                        "property", CampaignForm.text(p.property()), op(p.op()), value(p.value()), "", "", "", "");
            case CampaignStep.NotSurveyedWithin n ->
                new ConditionForm("not_surveyed_within", "", "eq", "", "", "", "", CampaignForm.text(n.duration()));
            case CampaignStep.Consent k -> new ConditionForm("consent", "", "eq", "", "", "", "", "");
        };
    }

    private static String op(String op) {
        return op == null ? "eq" : op;
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

    SaveCampaign.PropertyCondition toTriggerCondition() {
        return new SaveCampaign.PropertyCondition(name, op, typedValue());
    }

    /** The filter condition; null for a type the builder does not offer, which the campaign module refuses. */
    CampaignStep.Condition toCondition() {
        return switch (type) {
            case "event" -> {
                Map<String, Object> m = new LinkedHashMap<>();
                match.lines().map(String::strip).filter(l -> l.contains("=")).forEach(l -> {
                    int eq = l.indexOf('=');
                    m.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
                });
                yield new CampaignStep.EventHappened(eventType, within, m);
            }
            case "not_surveyed_within" -> new CampaignStep.NotSurveyedWithin(duration);
            case "attribute" -> new CampaignStep.AttributeIs(name, op, typedValue());
            case "property" -> new CampaignStep.PropertyIs(name, op, typedValue());
            case "consent" -> new CampaignStep.Consent();
            default -> null;
        };
    }

    /** true/false and numbers keep their JSON type; "in" takes a comma-separated list; blank is none. */
    private Object typedValue() {
        if ("exists".equals(op)) {
            return value.isBlank() ? null : !"false".equalsIgnoreCase(value);
        }
        if ("in".equals(op)) {
            List<Object> list = new ArrayList<>();
            for (String v : value.split(",")) {
                if (!v.isBlank()) {
                    list.add(scalar(v.strip()));
                }
            }
            return list;
        }
        return value.isEmpty() ? null : scalar(value);
    }

    private static Object scalar(String v) {
        if ("true".equals(v) || "false".equals(v)) {
            return Boolean.parseBoolean(v);
        }
        if (NUMBER.matcher(v).matches()) {
            return v.contains(".") ? (Object) Double.parseDouble(v) : (Object) Long.parseLong(v);
        }
        return v;
    }

    private static String value(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof List<?> items) {
            return String.join(", ", items.stream().map(String::valueOf).toList());
        }
        return String.valueOf(v);
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
