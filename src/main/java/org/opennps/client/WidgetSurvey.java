package org.opennps.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opennps.survey.Question;
import org.opennps.survey.ShowIf;
import org.opennps.survey.Survey;
import org.opennps.workspace.Wording;

/**
 * What {@code /next} hands the widget or an app: the survey with its texts resolved in one
 * locale and its show_if rules, so the client runs the same follow-ups as the hosted page.
 */
record WidgetSurvey(String displayToken, Body survey) {

    /**
     * @param dir {@code ltr} or {@code rtl}
     * @param texts the widget's own words in the survey's locale (the {@code widget.*} keys of the
     *     message bundles without the prefix, with the workspace's rewording)
     */
    record Body(
            String id,
            String locale,
            String dir,
            String brandColor,
            String thankYou,
            List<Item> questions,
            Map<String, String> texts) {}

    static final List<String> TEXT_KEYS =
            List.of("send", "close", "thanks", "failed", "nps.low", "nps.high", "comment", "dialog", "required");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(
            String id,
            String type,
            String text,
            boolean required,
            List<String> options,
            List<String> labels,
            ShowIf showIf) {}

    static WidgetSurvey of(String token, Survey survey, String locale, String brandColor, Wording wording) {
        List<Item> items = survey.questions().stream().map(q -> item(q, locale)).toList();
        Map<String, String> texts = new LinkedHashMap<>();
        TEXT_KEYS.forEach(key -> texts.put(key, wording.text("widget." + key)));
        return new WidgetSurvey(
                token,
                new Body(
                        survey.id().toString(),
                        locale,
                        wording.direction(),
                        brandColor,
                        survey.thankYou().resolve(locale),
                        items,
                        texts));
    }

    private static Item item(Question q, String locale) {
        List<String> labels = q.labels() == null
                ? null
                : q.labels().stream().map(t -> t.resolve(locale)).toList();
        return new Item(
                q.id(), q.type().json(), q.text().resolve(locale), q.required(), q.options(), labels, q.showIf());
    }
}
