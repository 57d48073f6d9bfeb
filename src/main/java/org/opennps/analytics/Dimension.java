package org.opennps.analytics;

import java.util.Locale;
import java.util.regex.Pattern;
import org.opennps.shared.InvalidInputException;

/**
 * A segment dimension of the response snapshot: {@code attribute:<name>} (the contact's
 * attributes when the response was given) or {@code property:<name>} (the trigger event's).
 */
record Dimension(String kind, String name) {

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$");

    Dimension {
        if (!"attribute".equals(kind) && !"property".equals(kind)) {
            throw new IllegalArgumentException("kind must be attribute or property");
        }
    }

    /** Parses {@code attribute:city}, {@code property:shipment_type}, or a bare {@code city}. */
    static Dimension parse(String field, String text) {
        String kind = "attribute";
        String name = text == null ? "" : text.strip();
        int colon = name.indexOf(':');
        if (colon >= 0) {
            kind = name.substring(0, colon).toLowerCase(Locale.ROOT);
            name = name.substring(colon + 1);
        }
        if (!("attribute".equals(kind) || "property".equals(kind))
                || !NAME.matcher(name).matches()) {
            throw new InvalidInputException(field, "must be attribute:<name> or property:<name>");
        }
        return new Dimension(kind, name);
    }

    /** The key stored in the segment table. */
    String key() {
        return kind + ":" + name;
    }
}
