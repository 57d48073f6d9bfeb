package org.opennps.delighted;

import java.time.Instant;
import java.util.regex.Pattern;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.shared.PageResult;
import tools.jackson.databind.JsonNode;

/**
 * Numbers and flags as Delighted's clients send them: JSON numbers and booleans, or the same as
 * text from a form or query string ({@code delay=60}, {@code send=false}). Anything else is
 * reported, never guessed.
 */
final class LenientFields {

    static final int DEFAULT_PER_PAGE = 20;
    static final int MAX_PER_PAGE = 100;
    private static final Pattern WHOLE = Pattern.compile("^-?[0-9]{1,18}$");

    private LenientFields() {}

    static Long wholeNumber(JsonFields f, String name, long min, long max, boolean required) {
        JsonNode value = f.raw(name);
        if (value == null
                || value.isNull()
                || (value.isString() && value.stringValue().isBlank())) {
            if (required) {
                f.reject(name, "is required");
            }
            return null;
        }
        Long number = value.isIntegralNumber() && value.canConvertToLong()
                ? Long.valueOf(value.longValue())
                : value.isString() && WHOLE.matcher(value.stringValue().trim()).matches()
                        ? Long.valueOf(value.stringValue().trim())
                        : null;
        if (number == null || number < min || number > max) {
            f.reject(name, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return number;
    }

    static Boolean flag(JsonFields f, String name) {
        JsonNode value = f.raw(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.isString() ? value.stringValue().trim() : value.isNumber() ? value.asString() : "";
        return switch (text) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> {
                f.reject(name, "must be true or false");
                yield null;
            }
        };
    }

    /**
     * Delighted's properties: any name of 1 to 255 characters without control characters
     * ({@code "Purchase Experience"}), values that are text, numbers, flags or lists of them.
     * {@code null} removes a property.
     */
    static java.util.Map<String, Object> properties(JsonFields f, String name, int maxEntries, int maxValueLength) {
        JsonNode value = f.raw(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            f.reject(name, "must be an object of property names and values");
            return null;
        }
        if (value.size() > maxEntries) {
            f.reject(name, "must have at most " + maxEntries + " properties");
            return null;
        }
        java.util.Map<String, Object> result = new java.util.LinkedHashMap<>();
        for (var entry : value.properties()) {
            String key = entry.getKey().strip();
            if (key.isEmpty() || key.length() > 255 || org.opennps.shared.TextRules.hasControlCharacters(key, false)) {
                f.reject(name, "names must be 1 to 255 characters without control characters");
                continue;
            }
            JsonNode v = entry.getValue();
            if (v.isArray()) {
                java.util.List<Object> items = new java.util.ArrayList<>();
                for (JsonNode item : v) {
                    Object scalar = scalar(f, name + "." + key, item, maxValueLength);
                    if (scalar != null) {
                        items.add(scalar);
                    }
                }
                result.put(key, java.util.List.copyOf(items));
            } else if (v.isObject()) {
                f.reject(name + "." + key, "must be text, a number, true/false or a list of them");
            } else {
                result.put(key, v.isNull() ? null : scalar(f, name + "." + key, v, maxValueLength));
            }
        }
        return result;
    }

    private static Object scalar(JsonFields f, String path, JsonNode v, int maxValueLength) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isString()) {
            String s = v.stringValue();
            if (s.length() > maxValueLength) {
                f.reject(path, "must be at most " + maxValueLength + " characters");
                return null;
            }
            if (org.opennps.shared.TextRules.hasControlCharacters(s, false)) {
                f.reject(path, "must not contain control characters");
                return null;
            }
            return s;
        }
        f.reject(path, "must be text, a number or true/false");
        return null;
    }

    /** A Unix time in seconds from a query parameter; null when absent. */
    static Instant unixTime(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!WHOLE.matcher(text.trim()).matches()) {
            throw new InvalidInputException(name, "must be a Unix time in seconds");
        }
        return Instant.ofEpochSecond(Long.parseLong(text.trim()));
    }

    /** {@code page} (from 1) and {@code per_page} (1 to 100, default 20). */
    static PageResult.Request page(String page, String perPage) {
        int size = positive("per_page", perPage, DEFAULT_PER_PAGE);
        if (size > MAX_PER_PAGE) {
            throw new InvalidInputException("per_page", "must be between 1 and " + MAX_PER_PAGE);
        }
        return new PageResult.Request(positive("page", page, 1), size);
    }

    private static int positive(String name, String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        if (!text.trim().matches("^[0-9]{1,9}$") || Integer.parseInt(text.trim()) < 1) {
            throw new InvalidInputException(name, "must be a whole number of 1 or more");
        }
        return Integer.parseInt(text.trim());
    }
}
