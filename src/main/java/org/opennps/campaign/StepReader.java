package org.opennps.campaign;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.JsonFields;
import tools.jackson.databind.JsonNode;

/** Reads the {@code steps} of a campaign: known types only, exactly one action, at the end. */
final class StepReader {

    static final Set<String> ACTIONS = Set.of("email", "web", "webhook", "message");
    /** {@code {{trigger.order_id}}}: the only template form, resolved from the trigger event. */
    static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");

    static final Pattern TRIGGER_REF = Pattern.compile("^trigger\\.([A-Za-z0-9_][A-Za-z0-9_.:-]{0,63})$");

    private final List<FieldViolation> violations;

    StepReader(List<FieldViolation> violations) {
        this.violations = violations;
    }

    List<Step> steps(JsonFields f) {
        JsonNode list = f.raw("steps");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > 20) {
            f.reject("steps", "must be a list of 1 to 20 steps ending with an action");
            return List.of();
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonFields s = JsonFields.of(list.get(i), f.path("steps") + "[" + i + "]", violations);
            Step step = step(s);
            boolean last = i == list.size() - 1;
            if (step instanceof Step.Action && !last) {
                s.reject("type", "an action must be the last step");
            } else if (last && step != null && !(step instanceof Step.Action)) {
                s.reject("type", "the last step must be an action");
            }
            if (step != null) {
                steps.add(step);
            }
        }
        return steps;
    }

    private Step step(JsonFields s) {
        String type = s.string("type", 20, true);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "delay" -> {
                Duration d = CampaignReader.duration(s, "duration", true);
                yield d == null ? null : new Step.Delay(d);
            }
            case "wait_until" -> waitUntil(s);
            case "filter" -> filter(s);
            case "action" -> action(s);
            default -> {
                s.reject("type", "must be delay, wait_until, filter or action");
                yield null;
            }
        };
    }

    private Step waitUntil(JsonFields s) {
        Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);
        JsonNode list = s.raw("days");
        if (list != null && !list.isNull()) {
            days = EnumSet.noneOf(DayOfWeek.class);
            if (!list.isArray() || list.isEmpty()) {
                s.reject("days", "must be a list of days such as MON, TUE");
            } else {
                for (JsonNode day : list) {
                    DayOfWeek parsed = day.isString() ? dayOf(day.stringValue()) : null;
                    if (parsed == null) {
                        s.reject("days", "must hold only MON, TUE, WED, THU, FRI, SAT, SUN");
                    } else {
                        days.add(parsed);
                    }
                }
            }
        }
        LocalTime from = time(s, "from", LocalTime.MIN);
        LocalTime to = time(s, "to", LocalTime.MAX);
        if (from != null && to != null && !from.isBefore(to)) {
            s.reject("to", "must be later than from");
            return null;
        }
        return from == null || to == null || days.isEmpty() ? null : new Step.WaitUntil(Set.copyOf(days), from, to);
    }

    private static DayOfWeek dayOf(String text) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(text.toUpperCase(java.util.Locale.ROOT)) && text.length() >= 3) {
                return day;
            }
        }
        return null;
    }

    private static LocalTime time(JsonFields s, String field, LocalTime fallback) {
        String text = s.string(field, 5, false);
        if (text == null) {
            return fallback;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            s.reject(field, "must be a time of day such as 09:00");
            return null;
        }
    }

    private Step filter(JsonFields s) {
        JsonNode list = s.raw("conditions");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > 20) {
            s.reject("conditions", "must be a list of 1 to 20 conditions");
            return null;
        }
        List<FilterCondition> conditions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            FilterCondition c = condition(JsonFields.of(list.get(i), s.path("conditions") + "[" + i + "]", violations));
            if (c != null) {
                conditions.add(c);
            }
        }
        return new Step.Filter(conditions);
    }

    private FilterCondition condition(JsonFields c) {
        String type = c.string("type", 30, true);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "event" -> eventCondition(c);
            case "attribute" -> wrap(new CampaignReader(violations).condition(c, "name"), true);
            case "property" -> wrap(new CampaignReader(violations).condition(c, "property"), false);
            case "not_surveyed_within" -> {
                Duration d = CampaignReader.duration(c, "duration", true);
                yield d == null ? null : new FilterCondition.NotSurveyedWithin(d);
            }
            case "consent" -> new FilterCondition.Consent();
            default -> {
                c.reject("type", "must be event, attribute, property, not_surveyed_within or consent");
                yield null;
            }
        };
    }

    private static FilterCondition wrap(Condition condition, boolean attribute) {
        if (condition == null) {
            return null;
        }
        return attribute ? new FilterCondition.Attribute(condition) : new FilterCondition.Property(condition);
    }

    private FilterCondition eventCondition(JsonFields c) {
        String eventType =
                c.token("event_type", CampaignReader.EVENT_TYPE, "must be 1-100 letters, digits, _ . : -", true);
        Duration within = CampaignReader.duration(c, "within", true);
        Map<String, Object> raw = c.scalarMap("match", 20, 500);
        Map<String, String> match = new LinkedHashMap<>();
        if (raw != null) {
            raw.forEach((key, value) -> {
                String text = String.valueOf(value);
                String problem = templateProblem(text);
                if (problem != null) {
                    violations.add(new FieldViolation(c.path("match") + "." + key, problem));
                } else {
                    match.put(key, text);
                }
            });
        }
        return eventType == null || within == null ? null : new FilterCondition.Event(eventType, within, match);
    }

    /** Why a template cannot be resolved, or null when every {{…}} names a trigger property. */
    static String templateProblem(String text) {
        Matcher m = TEMPLATE.matcher(text);
        while (m.find()) {
            if (!TRIGGER_REF.matcher(m.group(1)).matches()) {
                return "unknown template {{" + m.group(1) + "}}: use {{trigger.<property>}}";
            }
        }
        if (text.replaceAll(TEMPLATE.pattern(), "").contains("{{")) {
            return "has an unclosed {{";
        }
        return null;
    }

    private Step action(JsonFields s) {
        String action = s.string("action", 20, true);
        if (action != null && !ACTIONS.contains(action)) {
            s.reject("action", "must be email, web, webhook or message");
            return null;
        }
        String subject = s.string("subject", 300, false);
        String body = s.multiLineString("body", 20_000, false);
        String url = s.string("url", 2000, "webhook".equals(action));
        String secret = s.string("secret", 200, false);
        if ("message".equals(action)) {
            if (subject == null) {
                s.reject("subject", "is required for a message");
            }
            if (body == null) {
                s.reject("body", "is required for a message");
            }
        }
        if (url != null && !isHttpUrl(url)) {
            s.reject("url", "must be an http or https URL");
        }
        return action == null ? null : new Step.Action(action, subject, body, url, secret);
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
