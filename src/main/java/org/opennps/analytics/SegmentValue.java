package org.opennps.analytics;

import org.opennps.shared.InvalidInputException;

/** A {@code where} condition: the snapshot's dimension equals the value (compared as text). */
record SegmentValue(Dimension dimension, String value) {

    /**
     * Parses {@code attribute:city:Warsaw}, {@code property:shipment_type:courier}, or the short
     * form {@code city:Warsaw} (a contact attribute). The value may itself hold colons.
     */
    static SegmentValue parse(String field, String text) {
        String s = text == null ? "" : text.strip();
        int parts = s.startsWith("attribute:") || s.startsWith("property:") ? 3 : 2;
        String[] split = s.split(":", parts);
        if (split.length < parts || split[parts - 1].isEmpty() || split[parts - 1].length() > 200) {
            throw new InvalidInputException(
                    field, "must be attribute:<name>:<value>, property:<name>:<value> or <attribute>:<value>");
        }
        String dim = parts == 3 ? split[0] + ":" + split[1] : split[0];
        return new SegmentValue(Dimension.parse(field, dim), split[parts - 1]);
    }
}
