package org.opennps.event;

import java.time.Instant;
import java.util.regex.Pattern;
import org.opennps.contact.ContactInput;
import org.opennps.shared.JsonFields;
import tools.jackson.databind.JsonNode;

/**
 * One event as a client sends it, validated. {@code properties} is a JSON object and
 * {@code propertiesJson} its text, serialised once for the size check and for storage.
 */
record EventInput(
        String id, String type, ContactInput contact, JsonNode properties, String propertiesJson, Instant occurredAt) {

    static final Pattern TYPE = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.:\\-]{0,99}$");
    static final int MAX_PROPERTIES_CHARS = 16_384;

    static EventInput read(JsonFields f) {
        String id = f.string("id", 200, false);
        String type = f.token("type", TYPE, "must be 1-100 letters, digits, _ . : - (e.g. order.placed)", true);
        JsonFields contactFields = f.object("contact", true);
        ContactInput contact = contactFields == null ? null : ContactInput.read(contactFields);
        JsonNode properties = f.raw("properties");
        String propertiesJson = "{}";
        if (properties != null && !properties.isNull()) {
            propertiesJson = properties.toString();
            if (!properties.isObject()) {
                f.reject("properties", "must be a JSON object");
            } else if (properties.size() > 100) {
                f.reject("properties", "must have at most 100 entries");
            } else if (propertiesJson.length() > MAX_PROPERTIES_CHARS) {
                f.reject("properties", "must be at most " + MAX_PROPERTIES_CHARS + " characters of JSON");
            } else if (TextRulesForJson.hasControlCharacters(properties)) {
                f.reject("properties", "must not contain control characters");
            }
        }
        return new EventInput(id, type, contact, properties, propertiesJson, f.instant("occurred_at"));
    }
}
