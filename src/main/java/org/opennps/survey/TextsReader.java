package org.opennps.survey;

import java.util.LinkedHashMap;
import java.util.Map;
import org.opennps.shared.JsonFields;
import org.opennps.shared.TextRules;
import tools.jackson.databind.JsonNode;

/** Reads a text that may be a string or an object of locale → string. */
final class TextsReader {

    private TextsReader() {}

    /** The text at {@code name}, required; null (with a violation) when broken. */
    static Texts read(JsonFields f, String name, int maxLength) {
        JsonNode node = f.raw(name);
        if (node != null && node.isObject()) {
            return localized(f, name, node, maxLength);
        }
        String text = f.multiLineString(name, maxLength, true);
        return text == null ? null : Texts.of(text.strip());
    }

    private static Texts localized(JsonFields f, String name, JsonNode node, int maxLength) {
        if (node.isEmpty() || node.size() > 50) {
            f.reject(name, "must have texts for 1 to 50 locales");
            return null;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String locale = TextRules.normaliseLocale(entry.getKey());
            JsonNode value = entry.getValue();
            String field = name + "." + entry.getKey();
            if (locale == null) {
                f.reject(name, "key '" + entry.getKey().replaceAll("\\p{Cntrl}", "?") + "' is not a language tag");
            } else if (!value.isString() || value.stringValue().isBlank()) {
                f.reject(field, "must be a non-blank string");
            } else if (value.stringValue().length() > maxLength) {
                f.reject(field, "must be at most " + maxLength + " characters");
            } else if (TextRules.hasControlCharacters(value.stringValue(), true)) {
                f.reject(field, "must not contain control characters");
            } else {
                texts.put(locale, value.stringValue().strip());
            }
        }
        return texts.size() == node.size() ? new Texts(texts) : null;
    }

    /** A short text that is either well-formed or null, for list items that report one message. */
    static Texts lenient(JsonNode node, int maxLength) {
        if (node.isString()) {
            String text = node.stringValue().strip();
            return text.isEmpty() || text.length() > maxLength || TextRules.hasControlCharacters(text, false)
                    ? null
                    : Texts.of(text);
        }
        if (!node.isObject() || node.isEmpty()) {
            return null;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String locale = TextRules.normaliseLocale(entry.getKey());
            Texts one = lenient(entry.getValue(), maxLength);
            if (locale == null || one == null || !entry.getValue().isString()) {
                return null;
            }
            texts.put(locale, one.resolve(null));
        }
        return new Texts(texts);
    }
}
