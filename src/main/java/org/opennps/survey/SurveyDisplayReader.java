package org.opennps.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.opennps.shared.JsonFields;
import tools.jackson.databind.JsonNode;

/** Reads a survey's {@code display} object strictly; violations go to the fields' list. */
final class SurveyDisplayReader {

    private static final Set<String> MODES =
            Set.of(SurveyDisplay.ONCE, SurveyDisplay.UNTIL_ANSWERED, SurveyDisplay.MAX);

    private SurveyDisplayReader() {}

    static SurveyDisplay read(JsonFields d) {
        List<String> triggers =
                names(d, "triggers", SurveyDisplay.TRIGGER, "exit_intent, delay, page_view, manual or event:<type>");
        List<String> slots = names(d, "slots", SurveyDisplay.SLOT, "1-64 letters, digits, _ or -");
        String url = d.string("url_contains", 500, false);
        String mode = d.has("mode") ? d.string("mode", 20, true) : SurveyDisplay.ONCE;
        if (mode != null && !MODES.contains(mode)) {
            d.reject("mode", "must be once, until_answered or max");
        }
        Integer max = integer(d, "max", 1, 100);
        if (SurveyDisplay.MAX.equals(mode) && max == null) {
            d.reject("max", "is required when mode is max");
        } else if (!SurveyDisplay.MAX.equals(mode)) {
            max = null;
        }
        Integer sampling = integer(d, "sampling_percent", 0, 100);
        if (triggers.isEmpty() && slots.isEmpty()) {
            d.reject("triggers", "name at least one trigger or slot");
        }
        return new SurveyDisplay(triggers, slots, url, mode, max, sampling == null ? 100 : sampling);
    }

    private static List<String> names(JsonFields d, String name, Pattern pattern, String rule) {
        JsonNode list = d.raw(name);
        List<String> names = new ArrayList<>();
        if (list == null || list.isNull()) {
            return names;
        }
        if (!list.isArray() || list.size() > 20) {
            d.reject(name, "must be a list of at most 20 names");
            return names;
        }
        for (JsonNode item : list) {
            if (!item.isString() || !pattern.matcher(item.stringValue()).matches()) {
                d.reject(name, "each must be " + rule);
                return List.of();
            }
            if (!names.contains(item.stringValue())) {
                names.add(item.stringValue());
            }
        }
        return names;
    }

    private static Integer integer(JsonFields d, String name, int min, int max) {
        JsonNode value = d.raw(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            d.reject(name, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return value.asInt();
    }
}
