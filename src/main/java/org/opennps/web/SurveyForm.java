package org.opennps.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opennps.survey.Survey;
import org.opennps.survey.Texts;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The survey editor's form: texts per locale ("" when one text serves every language), the
 * questions as plain fields. Turned into the same JSON body the API takes, so the survey module
 * validates it and names broken fields by the same paths ({@code questions[2].text}).
 */
record SurveyForm(
        String name,
        List<String> locales,
        Map<String, String> title,
        Map<String, String> thankYou,
        String invitationExpiry,
        List<QuestionForm> questions,
        Display display) {

    /**
     * The widget's display rules as editor fields: page triggers ticked, other triggers
     * ({@code event:order.placed}) and slots as comma-separated text; no trigger and no slot
     * means the widget shows the survey only when a campaign queues it.
     */
    record Display(
            List<String> triggers,
            String otherTriggers,
            String slots,
            String urlContains,
            String mode,
            String max,
            String samplingPercent) {

        static final List<String> PAGE_TRIGGERS = List.of("exit_intent", "page_view", "delay", "manual");

        Display {
            triggers = triggers == null ? List.of() : List.copyOf(triggers);
        }

        static Display of(org.opennps.survey.SurveyDisplay d) {
            if (d == null) {
                return new Display(List.of(), "", "", "", "once", "", "100");
            }
            return new Display(
                    d.triggers().stream().filter(PAGE_TRIGGERS::contains).toList(),
                    String.join(
                            ", ",
                            d.triggers().stream()
                                    .filter(t -> !PAGE_TRIGGERS.contains(t))
                                    .toList()),
                    String.join(", ", d.slots()),
                    d.urlContains() == null ? "" : d.urlContains(),
                    d.mode(),
                    d.max() == null ? "" : d.max().toString(),
                    Integer.toString(d.samplingPercent()));
        }

        static Display read(MultiValueMap<String, String> p) {
            return new Display(
                    p.getOrDefault("display.triggers", List.of()).stream()
                            .filter(PAGE_TRIGGERS::contains)
                            .toList(),
                    value(p, "display.other_triggers"),
                    value(p, "display.slots"),
                    value(p, "display.url_contains"),
                    p.getFirst("display.mode") == null ? "once" : p.getFirst("display.mode"),
                    value(p, "display.max"),
                    p.getFirst("display.sampling_percent") == null ? "100" : p.getFirst("display.sampling_percent"));
        }

        boolean none() {
            return triggers.isEmpty() && otherTriggers.isBlank() && slots.isBlank();
        }

        tools.jackson.databind.JsonNode toJson(JsonMapper json) {
            if (none()) {
                return json.getNodeFactory().nullNode();
            }
            ObjectNode node = json.createObjectNode();
            ArrayNode all = node.putArray("triggers");
            triggers.forEach(all::add);
            words(otherTriggers).forEach(all::add);
            ArrayNode slotList = node.putArray("slots");
            words(slots).forEach(slotList::add);
            if (!urlContains.isBlank()) {
                node.put("url_contains", urlContains.strip());
            }
            node.put("mode", mode);
            if (!max.isBlank()) {
                node.put("max", parseInt(max, -1));
            }
            node.put("sampling_percent", parseInt(samplingPercent, -1));
            return node;
        }

        private static List<String> words(String text) {
            return List.of(text.split("[\\s,]+")).stream()
                    .filter(w -> !w.isBlank())
                    .toList();
        }
    }

    static final List<String> TYPES = List.of("nps", "rating", "single_choice", "multi_choice", "text");
    static final List<String> CATEGORIES = List.of("detractor", "passive", "promoter");

    static SurveyForm of(Survey survey, JsonMapper json) {
        Set<String> locales = new LinkedHashSet<>(survey.thankYou().byLocale().keySet());
        survey.questions().forEach(q -> locales.addAll(q.text().byLocale().keySet()));
        if (locales.size() > 1) {
            locales.remove(Texts.ANY);
        }
        List<String> list = List.copyOf(locales);
        Map<String, String> title = new java.util.LinkedHashMap<>();
        list.forEach(l -> title.put(
                l, survey.title() == null ? "" : survey.title().byLocale().getOrDefault(l, "")));
        return new SurveyForm(
                survey.name(),
                list,
                title,
                texts(survey.thankYou(), list),
                survey.invitationExpiry(),
                survey.questions().stream()
                        .map(q -> QuestionForm.of(q, list, json))
                        .toList(),
                Display.of(survey.display()));
    }

    /**
     * Reads the posted form. Its text fields are named by the languages the page was rendered
     * with ({@code shown_locales}); when the languages field now lists others, every text moves to
     * the new list: kept languages keep their texts, added ones start as missing translations,
     * and a text written for every language goes to the first language (and back).
     */
    static SurveyForm read(MultiValueMap<String, String> p) {
        List<String> wanted = locales(p.getFirst("locales"));
        List<String> shown = p.containsKey("shown_locales") ? locales(p.getFirst("shown_locales")) : wanted;
        int count = Math.min(30, parseInt(p.getFirst("count"), 0));
        List<QuestionForm> questions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            QuestionForm q = QuestionForm.read(p, "q" + i + ".", shown);
            questions.add(q.withText(moved(q.text(), shown, wanted)));
        }
        return new SurveyForm(
                value(p, "name"),
                wanted,
                moved(perLocale(p, "title.", shown), shown, wanted),
                moved(perLocale(p, "thank_you.", shown), shown, wanted),
                blankToNull(value(p, "invitation_expiry")),
                questions,
                p.containsKey("display.mode") ? Display.read(p) : null);
    }

    /** Texts per language moved from one list of languages to another, losing none still listed. */
    static Map<String, String> moved(Map<String, String> texts, List<String> from, List<String> to) {
        if (from.equals(to)) {
            return texts;
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        to.forEach(l -> out.put(l, texts.getOrDefault(l, "")));
        String carried = from.stream()
                .filter(l -> !to.contains(l))
                .map(l -> texts.getOrDefault(l, ""))
                .filter(t -> !t.isBlank())
                .findFirst()
                .orElse("");
        String first = to.getFirst();
        if (!carried.isBlank() && out.values().stream().allMatch(String::isBlank)) {
            out.put(first, carried);
        }
        return out;
    }

    /** Languages (other than "every language") whose text is still empty here. */
    public List<String> missing(Map<String, String> texts) {
        if (locales.equals(List.of(Texts.ANY))) {
            return List.of();
        }
        return locales.stream().filter(l -> texts.getOrDefault(l, "").isBlank()).toList();
    }

    /** The form after an editing action: add, remove:i, up:i, down:i; anything else keeps it. */
    SurveyForm edited(String action) {
        List<QuestionForm> list = new ArrayList<>(questions);
        String[] parts = action == null ? new String[] {""} : action.split(":");
        int i = parts.length > 1 ? parseInt(parts[1], -1) : -1;
        switch (parts[0]) {
            case "add" -> list.add(QuestionForm.blank(list.size() + 1, locales));
            case "remove" -> {
                if (i >= 0 && i < list.size()) {
                    list.remove(i);
                }
            }
            case "up" -> swap(list, i, i - 1);
            case "down" -> swap(list, i, i + 1);
            default -> {}
        }
        return new SurveyForm(name, locales, title, thankYou, invitationExpiry, list, display);
    }

    ObjectNode toJson(JsonMapper json) {
        ObjectNode body = json.createObjectNode().put("name", name);
        if (title.values().stream().allMatch(String::isBlank)) {
            body.putNull("title");
        } else {
            body.set("title", textJson(json, title));
        }
        body.set("thank_you", textJson(json, thankYou));
        if (invitationExpiry != null) {
            body.put("invitation_expiry", invitationExpiry);
        }
        if (display != null) {
            body.set("display", display.toJson(json));
        }
        ArrayNode list = body.putArray("questions");
        questions.forEach(q -> list.add(q.toJson(json, this)));
        return body;
    }

    /**
     * A string when there is one text for every language, else an object of locale → text.
     * Missing translations are left out (respondents then see the first language's text, never
     * a blank); a text missing in every language stays, so the rule names the field.
     */
    tools.jackson.databind.JsonNode textJson(JsonMapper json, Map<String, String> texts) {
        if (locales.equals(List.of(Texts.ANY))) {
            return json.getNodeFactory().stringNode(texts.getOrDefault(Texts.ANY, ""));
        }
        ObjectNode node = json.createObjectNode();
        locales.stream().filter(l -> !texts.getOrDefault(l, "").isBlank()).forEach(l -> node.put(l, texts.get(l)));
        if (node.isEmpty()) {
            node.put(locales.getFirst(), "");
        }
        return node;
    }

    public String localesText() {
        return String.join(", ", locales.stream().filter(l -> !l.isEmpty()).toList());
    }

    static Map<String, String> texts(Texts texts, List<String> locales) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        // A text for every language fills every field; a language without its own text is a
        // missing translation (empty and marked), never another language's text in disguise.
        String any = texts.byLocale().get(Texts.ANY);
        locales.forEach(l -> map.put(
                l,
                any != null
                        ? any
                        : l.isEmpty() ? texts.resolve(null) : texts.byLocale().getOrDefault(l, "")));
        return map;
    }

    static Map<String, String> perLocale(MultiValueMap<String, String> p, String prefix, List<String> locales) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (String l : locales) {
            map.put(l, value(p, prefix + l));
        }
        return map;
    }

    static List<String> locales(String text) {
        List<String> list = text == null
                ? List.of()
                : List.of(text.split("[\\s,]+")).stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .limit(20)
                        .toList();
        return list.isEmpty() ? List.of(Texts.ANY) : list;
    }

    static String value(MultiValueMap<String, String> p, String name) {
        String v = p.getFirst(name);
        return v == null ? "" : v;
    }

    static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    static int parseInt(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void swap(List<QuestionForm> list, int a, int b) {
        if (a >= 0 && b >= 0 && a < list.size() && b < list.size()) {
            QuestionForm x = list.get(a);
            list.set(a, list.get(b));
            list.set(b, x);
        }
    }
}
