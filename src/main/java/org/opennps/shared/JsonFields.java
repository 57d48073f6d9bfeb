package org.opennps.shared;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads the fields of one JSON object strictly and collects every broken rule with its full
 * path ({@code events[2].contact.email}), so one response can name all faults at once. Wrong
 * types are reported, never coerced.
 */
public final class JsonFields {

    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,63}$");

    private final JsonNode node;
    private final String path;
    private final List<FieldViolation> violations;

    private JsonFields(JsonNode node, String path, List<FieldViolation> violations) {
        this.node = node;
        this.path = path;
        this.violations = violations;
    }

    /** Fields of {@code node}, which must be an object; {@code path} is "" for the body itself. */
    public static JsonFields of(JsonNode node, String path, List<FieldViolation> violations) {
        if (node == null || !node.isObject()) {
            violations.add(new FieldViolation(path.isEmpty() ? "body" : path, "must be a JSON object"));
            return new JsonFields(JsonNodeFactory.instance.objectNode(), path, violations);
        }
        return new JsonFields(node, path, violations);
    }

    public String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public boolean has(String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    public JsonNode raw(String name) {
        return node.get(name);
    }

    public void reject(String name, String message) {
        violations.add(new FieldViolation(path(name), message));
    }

    /** A single-line string of at most {@code maxLength} characters, trimmed; null when absent. */
    public String string(String name, int maxLength, boolean required) {
        return text(name, maxLength, required, false);
    }

    /** Like {@link #string} but keeps newlines and tabs. */
    public String multiLineString(String name, int maxLength, boolean required) {
        return text(name, maxLength, required, true);
    }

    private String text(String name, int maxLength, boolean required, boolean multiLine) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                reject(name, "is required");
            }
            return null;
        }
        if (!value.isString()) {
            reject(name, "must be a string");
            return null;
        }
        String text = multiLine ? value.stringValue() : value.stringValue().trim();
        if (required && text.isEmpty()) {
            reject(name, "must not be blank");
            return null;
        }
        if (text.length() > maxLength) {
            reject(name, "must be at most " + maxLength + " characters");
            return null;
        }
        if (TextRules.hasLoneSurrogate(text)) {
            reject(name, "must be valid Unicode text (it holds a lone UTF-16 surrogate)");
            return null;
        }
        if (TextRules.hasControlCharacters(text, multiLine)) {
            reject(name, "must not contain control characters");
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    /** An identifier-like string matching {@code pattern}; {@code rule} explains the pattern. */
    public String token(String name, Pattern pattern, String rule, boolean required) {
        String text = string(name, 200, required);
        if (text != null && !pattern.matcher(text).matches()) {
            reject(name, rule);
            return null;
        }
        return text;
    }

    public String email(String name, boolean required) {
        String text = string(name, 254, required);
        if (text != null && !TextRules.isEmail(text)) {
            reject(name, "must be a valid e-mail address");
            return null;
        }
        return text == null ? null : TextRules.normaliseEmail(text);
    }

    public String timeZone(String name) {
        JsonNode given = node.get(name);
        if (given != null && given.isString() && given.stringValue().isBlank()) {
            reject(name, "must be an IANA time zone such as Europe/Warsaw");
            return null;
        }
        String text = string(name, 64, false);
        if (text != null && !TextRules.isTimeZone(text)) {
            reject(name, "must be an IANA time zone such as Europe/Warsaw");
            return null;
        }
        return text;
    }

    public String locale(String name) {
        String text = string(name, 35, false);
        if (text == null) {
            return null;
        }
        String locale = TextRules.normaliseLocale(text);
        if (locale == null) {
            reject(name, "must be a language tag such as en or pt-BR");
        }
        return locale;
    }

    /** An ISO-8601 time with offset, e.g. 2026-11-23T10:00:00Z. */
    public Instant instant(String name) {
        String text = string(name, 64, false);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            reject(name, "must be an ISO-8601 time with offset, e.g. 2026-11-23T10:00:00Z");
            return null;
        }
    }

    /** A nested object's fields, or null when absent. */
    public JsonFields object(String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                reject(name, "is required");
            }
            return null;
        }
        return of(value, path(name), violations);
    }

    /**
     * A flat map of typed values (string, number, boolean; null removes a key) such as contact
     * attributes. Keys are short identifiers; strings are single-line.
     */
    public Map<String, Object> scalarMap(String name, int maxEntries, int maxValueLength) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            reject(name, "must be a JSON object");
            return null;
        }
        if (value.size() > maxEntries) {
            reject(name, "must have at most " + maxEntries + " entries");
            return null;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String key = entry.getKey();
            String keyPath = path(name) + "." + key;
            if (!KEY.matcher(key).matches()) {
                violations.add(new FieldViolation(
                        path(name), "key '" + abbreviate(key) + "' must be 1-64 letters, digits, _ . : -"));
                continue;
            }
            JsonNode v = entry.getValue();
            if (v.isNull()) {
                result.put(key, null);
            } else if (v.isBoolean()) {
                result.put(key, v.booleanValue());
            } else if (v.isIntegralNumber() && v.canConvertToLong()) {
                result.put(key, v.longValue());
            } else if (v.isNumber()) {
                result.put(key, v.doubleValue());
            } else if (v.isString()) {
                String s = v.stringValue();
                if (s.length() > maxValueLength) {
                    violations.add(new FieldViolation(keyPath, "must be at most " + maxValueLength + " characters"));
                } else if (TextRules.hasControlCharacters(s, false)) {
                    violations.add(new FieldViolation(keyPath, "must not contain control characters"));
                } else {
                    result.put(key, s);
                }
            } else {
                violations.add(new FieldViolation(keyPath, "must be a string, number, boolean or null"));
            }
        }
        return result;
    }

    private static String abbreviate(String key) {
        String printable = key.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() > 20 ? printable.substring(0, 20) + "…" : printable;
    }
}
