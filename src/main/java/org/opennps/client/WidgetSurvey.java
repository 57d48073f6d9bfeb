package org.opennps.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.opennps.survey.Question;
import org.opennps.survey.ShowIf;
import org.opennps.survey.Survey;

/**
 * What {@code /next} hands the widget or an app: the survey with its texts resolved in one
 * locale and its show_if rules, so the client runs the same follow-ups as the hosted page.
 */
record WidgetSurvey(String displayToken, Body survey) {

    record Body(String id, String locale, String brandColor, String thankYou, List<Item> questions) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(
            String id,
            String type,
            String text,
            boolean required,
            List<String> options,
            List<String> labels,
            ShowIf showIf) {}

    static WidgetSurvey of(String token, Survey survey, String locale, String brandColor) {
        List<Item> items = survey.questions().stream().map(q -> item(q, locale)).toList();
        return new WidgetSurvey(
                token,
                new Body(
                        survey.id().toString(),
                        locale,
                        brandColor,
                        survey.thankYou().resolve(locale),
                        items));
    }

    private static Item item(Question q, String locale) {
        List<String> labels = q.labels() == null
                ? null
                : q.labels().stream().map(t -> t.resolve(locale)).toList();
        return new Item(
                q.id(), q.type().json(), q.text().resolve(locale), q.required(), q.options(), labels, q.showIf());
    }
}
