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
