package org.opennps.event;

import java.util.Map;
import org.opennps.shared.TextRules;
import tools.jackson.databind.JsonNode;

/** Applies the shared text rules to every key and string inside a JSON tree. */
final class TextRulesForJson {

    private TextRulesForJson() {}

    static boolean hasControlCharacters(JsonNode node) {
        if (node.isString()) {
            return TextRules.hasControlCharacters(node.stringValue(), true);
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (TextRules.hasControlCharacters(e.getKey(), false) || hasControlCharacters(e.getValue())) {
                    return true;
                }
            }
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                if (hasControlCharacters(child)) {
                    return true;
                }
            }
        }
        return false;
    }
}
