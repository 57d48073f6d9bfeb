package org.opennps.loop;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.shared.TextRules;
import tools.jackson.databind.JsonNode;

/** Reads and validates an alert rule body; every fault is reported with its field. */
final class AlertRuleReader {

    /** A validated rule body. */
    record Draft(
            String name,
            AlertConditions when,
            List<Notify> targets,
            boolean createCase,
            String dueIn,
            boolean active) {}

    private static final Set<String> CATEGORIES = Set.of("detractor", "passive", "promoter");
    private static final Set<String> NOTIFY_TYPES = Set.of("email", "webhook", "slack");
    private static final Pattern URL = Pattern.compile("^https?://[^\\s]{1,2000}$");

    private AlertRuleReader() {}

    static Draft read(JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields f = JsonFields.of(body, "", violations);
        String name = f.string("name", 200, true);
        AlertConditions when = conditions(f.object("when", false), violations);
        List<Notify> targets = targets(f, violations);
        boolean createCase = bool(f, "create_case", false);
        boolean active = bool(f, "active", true);
        String dueIn = f.has("due_in") ? f.string("due_in", 40, true) : "P1D";
        if (dueIn != null) {
            try {
                if (Duration.parse(dueIn).isNegative()) {
                    f.reject("due_in", "must not be negative");
                }
            } catch (DateTimeParseException e) {
                f.reject("due_in", "must be an ISO-8601 duration such as P1D or PT4H");
            }
        }
        if (targets.isEmpty() && !createCase && violations.isEmpty()) {
            f.reject("notify", "a rule must notify someone or create a case");
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Draft(name, when, targets, createCase, dueIn, active);
    }

    private static AlertConditions conditions(JsonFields w, List<FieldViolation> violations) {
        if (w == null) {
            return new AlertConditions(List.of(), null, null, null, null, List.of(), null, null, List.of());
        }
        List<String> category = strings(w, "category", 3, 20);
        category.stream()
                .filter(c -> !CATEGORIES.contains(c))
                .findFirst()
                .ifPresent(c -> w.reject("category", "must hold detractor, passive or promoter"));
        Integer min = score(w, "score_min");
        Integer max = score(w, "score_max");
        if (min != null && max != null && min > max) {
            w.reject("score_max", "must not be below score_min");
        }
        JsonFields answer = w.object("answer", false);
        String question =
                answer == null ? w.string("answer_question", 100, false) : answer.string("question", 100, true);
        String equals = answer == null ? w.string("answer_equals", 500, false) : answer.string("equals", 500, true);
        JsonFields attribute = w.object("attribute", false);
        String attributeName =
                attribute == null ? w.string("attribute_name", 64, false) : attribute.string("name", 64, true);
        String attributeEquals =
                attribute == null ? w.string("attribute_equals", 1000, false) : attribute.string("equals", 1000, true);
        if ((question == null) != (equals == null)) {
            w.reject("answer", "needs both question and equals");
        }
        if ((attributeName == null) != (attributeEquals == null)) {
            w.reject("attribute", "needs both name and equals");
        }
        return new AlertConditions(
                category,
                min,
                max,
                question,
                equals,
                strings(w, "comment_contains", 50, 100),
                attributeName,
                attributeEquals,
                strings(w, "channel", 10, 20));
    }

    private static List<Notify> targets(JsonFields f, List<FieldViolation> violations) {
        JsonNode list = f.raw("notify");
        List<Notify> result = new ArrayList<>();
        if (list == null || list.isNull()) {
            return result;
        }
        if (!list.isArray() || list.size() > 20) {
            f.reject("notify", "must be a list of at most 20 targets");
            return result;
        }
        for (int i = 0; i < list.size(); i++) {
            String path = f.path("notify") + "[" + i + "]";
            JsonNode entry = list.get(i);
            String type = entry.isObject()
                    ? NOTIFY_TYPES.stream().filter(entry::has).findFirst().orElse(null)
                    : null;
            boolean extraKeys =
                    entry.isObject() && entry.size() != (entry.has("secret") && "webhook".equals(type) ? 2 : 1);
            JsonNode valueNode = type == null ? null : entry.get(type);
            String value = valueNode != null && valueNode.isString()
                    ? valueNode.stringValue().trim()
                    : null;
            JsonNode secretNode = entry.isObject() ? entry.get("secret") : null;
            String secret = secretNode != null && secretNode.isString() ? secretNode.stringValue() : null;
            if (type == null || extraKeys || value == null) {
                violations.add(new FieldViolation(
                        path, "must be one of {\"email\":…}, {\"webhook\":…[, \"secret\":…]}, {\"slack\":…}"));
            } else if (type.equals("email") && !TextRules.isEmail(value)) {
                violations.add(new FieldViolation(path + ".email", "must be a valid e-mail address"));
            } else if (!type.equals("email") && !URL.matcher(value).matches()) {
                violations.add(new FieldViolation(path + "." + type, "must be an http(s) URL"));
            } else if (secretNode != null && (secret == null || secret.length() < 16 || secret.length() > 200)) {
                violations.add(new FieldViolation(path + ".secret", "must be 16 to 200 characters"));
            } else {
                result.add(new Notify(type, type.equals("email") ? TextRules.normaliseEmail(value) : value, secret));
            }
        }
        return result;
    }

    private static List<String> strings(JsonFields f, String name, int maxItems, int maxLength) {
        JsonNode node = f.raw(name);
        List<String> result = new ArrayList<>();
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isArray() || node.size() > maxItems) {
            f.reject(name, "must be a list of at most " + maxItems + " strings");
            return result;
        }
        for (JsonNode item : node) {
            if (!item.isString()
                    || item.stringValue().isBlank()
                    || item.stringValue().length() > maxLength) {
                f.reject(name, "must hold non-blank strings of at most " + maxLength + " characters");
                return List.of();
            }
            result.add(item.stringValue().trim());
        }
        return result;
    }

    private static Integer score(JsonFields f, String name) {
        JsonNode node = f.raw(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0 || node.intValue() > 10) {
            f.reject(name, "must be a whole number from 0 to 10");
            return null;
        }
        return node.intValue();
    }

    private static boolean bool(JsonFields f, String name, boolean fallback) {
        JsonNode node = f.raw(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            f.reject(name, "must be true or false");
            return fallback;
        }
        return node.booleanValue();
    }
}
