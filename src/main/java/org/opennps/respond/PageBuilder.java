package org.opennps.respond;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.opennps.survey.Question;
import org.opennps.survey.QuestionType;
import org.opennps.survey.Survey;
import org.opennps.survey.Texts;
import org.opennps.workspace.Wording;
import org.opennps.workspace.Workspace;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Builds the survey page for the respondent's locale, score and saved answers. */
@Component
class PageBuilder {

    private static final List<String> RATING_DEFAULTS = List.of("1", "2", "3", "4", "5");

    private final JsonMapper json;

    PageBuilder(JsonMapper json) {
        this.json = json;
    }

    SurveyPage build(Form form) {
        List<QuestionView> views = new ArrayList<>();
        List<Question> visible = form.survey().visibleQuestions(form.score(), form.answers());
        for (Question q : form.survey().questions()) {
            views.add(view(q, visible.contains(q), form));
        }
        Wording w = form.wording();
        return new SurveyPage(
                title(form),
                form.locale(),
                w.direction(),
                Brand.of(form.workspace()),
                form.action(),
                form.nonce(),
                form.confirmUrl(),
                form.score(),
                views,
                w.text("respond.submit"),
                w.text("respond.required"),
                form.notice(),
                form.error(),
                form.preview());
    }

    /** The survey's public title, else the workspace's display name, else a plain "Survey". */
    private static String title(Form form) {
        String title = form.survey().publicTitle(form.locale());
        if (title == null && form.workspace() != null) {
            title = form.workspace().displayName();
        }
        return title != null ? title : form.wording().text("respond.title");
    }

    private QuestionView view(Question q, boolean visible, Form form) {
        String locale = form.locale();
        Object answer = form.answers().get(q.id());
        List<QuestionView.Choice> choices = switch (q.type()) {
            case RATING ->
                IntStream.rangeClosed(1, 5)
                        .mapToObj(i -> new QuestionView.Choice(
                                Integer.toString(i),
                                q.labels() == null
                                        ? RATING_DEFAULTS.get(i - 1)
                                        : q.labels().get(i - 1).resolve(locale),
                                answer != null && String.valueOf(answer).equals(Integer.toString(i))))
                        .toList();
            case SINGLE_CHOICE, MULTI_CHOICE ->
                q.options().stream()
                        .map(o -> new QuestionView.Choice(o, o, chosen(answer, o)))
                        .toList();
            default -> List.of();
        };
        boolean nps = q.type() == QuestionType.NPS;
        return new QuestionView(
                q.id(),
                q.type().json(),
                q.text().resolve(locale),
                q.required(),
                visible,
                q.showIf() == null ? null : json.writeValueAsString(q.showIf()),
                choices,
                nps
                        ? form.wording()
                                .text(
                                        "respond.nps.end",
                                        0,
                                        label(q, 0, form.wording().text("respond.nps.low"), locale))
                        : null,
                nps
                        ? form.wording()
                                .text(
                                        "respond.nps.end",
                                        10,
                                        label(q, 1, form.wording().text("respond.nps.high"), locale))
                        : null,
                q.type() == QuestionType.TEXT && answer instanceof String s ? s : null,
                form.errors().get(nps ? "score" : q.id()));
    }

    private static String label(Question q, int index, String fallback, String locale) {
        Texts label = q.labels() == null ? null : q.labels().get(index);
        return label == null ? fallback : label.resolve(locale);
    }

    private static boolean chosen(Object answer, String option) {
        return answer instanceof Collection<?> values ? values.contains(option) : option.equals(answer);
    }

    /** Everything one page shows. {@code errors} are keyed by question id ("score" for the NPS). */
    record Form(
            Survey survey,
            Workspace workspace,
            Wording wording,
            String locale,
            String action,
            String nonce,
            String confirmUrl,
            Integer score,
            Map<String, Object> answers,
            Map<String, String> errors,
            String notice,
            String error,
            boolean preview) {}
}
