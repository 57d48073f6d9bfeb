package org.opennps.campaign;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.JsonFields;
import tools.jackson.databind.JsonNode;

/**
 * Reads and validates a campaign's JSON, collecting every broken rule with its path
 * ({@code steps[2].conditions[0].within}).
 */
final class CampaignReader {

    static final Pattern EVENT_TYPE = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.:\\-]{0,99}$");
    static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,63}$");
    static final Duration MIN_DURATION = Duration.ofSeconds(1);
    static final Duration MAX_DURATION = Duration.ofDays(400);
    static final Set<String> STATUSES = Set.of("draft", "active", "paused");
    private static final String EVENT_RULE = "must be 1-100 letters, digits, _ . : - (e.g. order.placed)";

    private final List<FieldViolation> violations;

    CampaignReader(List<FieldViolation> violations) {
        this.violations = violations;
    }

    /** The definition, or null with {@code violations} filled. */
    static CampaignDefinition read(JsonNode body, List<FieldViolation> violations) {
        return new CampaignReader(violations).campaign(JsonFields.of(body, "", violations));
    }

    private CampaignDefinition campaign(JsonFields f) {
        String name = f.string("name", 200, true);
        UUID surveyId = uuid(f, "survey_id");
        String status = f.string("status", 20, false);
        if (status != null && !STATUSES.contains(status)) {
            f.reject("status", "must be draft, active or paused");
        }
        JsonFields trigger = f.object("trigger", false);
        JsonFields audienceFields = f.object("audience", false);
        String eventType = null;
        List<Condition> where = List.of();
        CampaignDefinition.Audience audience = null;
        CampaignDefinition.Resurvey resurvey = null;
        if (trigger != null && audienceFields != null) {
            f.reject(
                    "audience", "give either trigger (events start journeys) or audience (past respondents), not both");
        } else if (trigger == null && audienceFields == null) {
            if (f.has("trigger") || f.has("audience")) {
                // the object itself was rejected already
            } else {
                f.reject("trigger", "is required, unless the campaign has an audience");
            }
        }
        boolean acceptClientEvents = false;
        if (trigger != null) {
            eventType = trigger.token("event_type", EVENT_TYPE, EVENT_RULE, true);
            where = conditions(trigger, "where", "property");
            acceptClientEvents = flag(trigger, "accept_client_events");
            flag(trigger, "require_signed_identity"); // checked on activation, see CampaignService
        }
        if (audienceFields != null) {
            audience = audience(audienceFields);
        }
        JsonFields resurveyFields = f.object("resurvey", false);
        if (resurveyFields != null) {
            if (audienceFields == null) {
                f.reject("resurvey", "is only for campaigns with an audience");
            } else {
                resurvey = new CampaignDefinition.Resurvey(
                        resurveyFields.token("on_event", EVENT_TYPE, EVENT_RULE, true),
                        uuid(resurveyFields, "survey_id", true),
                        resurveyFields.string("subject", 300, false));
                eventType = resurvey.onEvent();
            }
        }
        List<String> exitOn = eventTypes(f, "exit_on");
        int sampling = integer(f, "sampling_percent", 1, 100, 100);
        CampaignDefinition.Precision precision = precision(f.object("precision", false));
        Integer dailyCap = f.has("daily_cap") ? integer(f, "daily_cap", 1, 10_000_000, 1) : null;
        List<Step> steps = new StepReader(violations).steps(f);
        if (surveyId == null && steps.stream().anyMatch(s -> s instanceof Step.Action a && a.invites())) {
            if (!f.has("survey_id")) {
                f.reject("survey_id", "is required for email, web and webhook actions");
            }
        }
        return new CampaignDefinition(
                name,
                surveyId,
                status == null ? "draft" : status,
                eventType,
                where,
                exitOn,
                sampling,
                dailyCap,
                steps,
                audience,
                resurvey,
                acceptClientEvents,
                precision);
    }

    static final Pattern SEGMENT = Pattern.compile("^(attribute|property):[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$");

    /** {@code {"points":5,"per":"attribute:city"}}: ±5 NPS points per city a month. */
    private static CampaignDefinition.Precision precision(JsonFields p) {
        if (p == null) {
            return null;
        }
        JsonNode points = p.raw("points");
        Double value = null;
        if (points == null || !points.isNumber() || !(points.doubleValue() >= 1 && points.doubleValue() <= 50)) {
            p.reject("points", "must be a number of NPS points from 1 to 50");
        } else {
            value = points.doubleValue();
        }
        String per = p.string("per", 80, true);
        if (per != null && !SEGMENT.matcher(per).matches()) {
            p.reject("per", "must be attribute:<name> or property:<name>, such as attribute:city");
            per = null;
        }
        return value == null || per == null ? null : new CampaignDefinition.Precision(value, per);
    }

    /** An optional boolean flag: absent or null is false. */
    private static boolean flag(JsonFields f, String name) {
        JsonNode value = f.raw(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            f.reject(name, "must be true or false");
            return false;
        }
        return value.booleanValue();
    }

    static final Set<String> CATEGORIES = Set.of("promoter", "passive", "detractor");

    /** {@code {"categories":[…],"areas":[…],"themes":[…],"since":…,"until":…,"survey_id":…}}. */
    private CampaignDefinition.Audience audience(JsonFields a) {
        Set<String> categories = words(a, "categories", 3, 20);
        for (String c : categories) {
            if (!CATEGORIES.contains(c)) {
                a.reject("categories", "must list promoter, passive or detractor");
            }
        }
        Set<String> areas = words(a, "areas", 50, 100);
        Set<String> themes = words(a, "themes", 50, 100);
        java.time.Instant since = a.instant("since");
        java.time.Instant until = a.instant("until");
        if (since != null && until != null && !until.isAfter(since)) {
            a.reject("until", "must be after since");
        }
        return new CampaignDefinition.Audience(uuid(a, "survey_id", false), categories, areas, themes, since, until);
    }

    private static Set<String> words(JsonFields f, String field, int maxItems, int maxLength) {
        JsonNode list = f.raw(field);
        if (list == null || list.isNull()) {
            return Set.of();
        }
        if (!list.isArray() || list.size() > maxItems) {
            f.reject(field, "must be a list of at most " + maxItems + " texts");
            return Set.of();
        }
        Set<String> values = new java.util.LinkedHashSet<>();
        for (JsonNode item : list) {
            if (!item.isString()
                    || item.stringValue().isBlank()
                    || item.stringValue().length() > maxLength) {
                f.reject(field, "must be a list of texts of 1 to " + maxLength + " characters");
                return Set.of();
            }
            values.add(item.stringValue());
        }
        return values;
    }

    /** Conditions {@code {"<nameField>":…,"op":…,"value":…}} of a list field. */
    List<Condition> conditions(JsonFields f, String field, String nameField) {
        JsonNode list = f.raw(field);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray() || list.size() > 20) {
            f.reject(field, "must be a list of at most 20 conditions");
            return List.of();
        }
        List<Condition> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Condition c = condition(JsonFields.of(list.get(i), f.path(field) + "[" + i + "]", violations), nameField);
            if (c != null) {
                result.add(c);
            }
        }
        return result;
    }

    Condition condition(JsonFields c, String nameField) {
        String name = c.token(nameField, NAME, "must be 1-64 letters, digits, _ . : -", true);
        String opName = c.string("op", 20, false);
        ConditionOp op = opName == null ? ConditionOp.EQ : ConditionOp.parse(opName);
        if (op == null) {
            c.reject("op", "must be one of " + ConditionOp.NAMES);
            return null;
        }
        Object value = value(c, op);
        return name == null ? null : new Condition(name, op, value);
    }

    private Object value(JsonFields c, ConditionOp op) {
        JsonNode v = c.raw("value");
        if (op == ConditionOp.EXISTS) {
            if (v != null && !v.isNull() && !v.isBoolean()) {
                c.reject("value", "must be true or false for exists");
            }
            return v == null || v.isNull() ? null : v.booleanValue();
        }
        if (op == ConditionOp.IN) {
            if (v == null || !v.isArray() || v.isEmpty() || v.size() > 100) {
                c.reject("value", "must be a list of 1 to 100 values for in");
                return null;
            }
            List<Object> options = new ArrayList<>();
            v.forEach(item -> options.add(scalar(c, item)));
            return options;
        }
        if (v == null || v.isNull()) {
            c.reject("value", "is required");
            return null;
        }
        return scalar(c, v);
    }

    private static Object scalar(JsonFields c, JsonNode v) {
        if (v.isString() && v.stringValue().length() <= 500) {
            return v.stringValue();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        c.reject("value", "must be a string (at most 500 characters), number or boolean");
        return null;
    }

    List<String> eventTypes(JsonFields f, String field) {
        JsonNode list = f.raw(field);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray() || list.size() > 20) {
            f.reject(field, "must be a list of at most 20 event types");
            return List.of();
        }
        List<String> types = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.isString() || !EVENT_TYPE.matcher(item.stringValue()).matches()) {
                f.reject(field + "[" + i + "]", EVENT_RULE);
            } else {
                types.add(item.stringValue());
            }
        }
        return types;
    }

    static Duration duration(JsonFields f, String field, boolean required) {
        String text = f.string(field, 40, required);
        if (text == null) {
            return null;
        }
        try {
            Duration d = Duration.parse(text);
            if (d.compareTo(MIN_DURATION) < 0 || d.compareTo(MAX_DURATION) > 0) {
                f.reject(field, "must be between PT1S and P400D");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            f.reject(field, "must be an ISO-8601 duration such as P2D or PT3S");
            return null;
        }
    }

    static int integer(JsonFields f, String field, int min, int max, int fallback) {
        JsonNode v = f.raw(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            f.reject(field, "must be a whole number from " + min + " to " + max);
            return fallback;
        }
        return v.intValue();
    }

    private static UUID uuid(JsonFields f, String field) {
        return uuid(f, field, false);
    }

    private static UUID uuid(JsonFields f, String field, boolean required) {
        String text = f.string(field, 36, required);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            f.reject(field, "must be a survey id (UUID)");
            return null;
        }
    }
}
