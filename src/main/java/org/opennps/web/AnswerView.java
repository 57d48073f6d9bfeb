package org.opennps.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.opennps.response.Response;
import org.opennps.survey.Question;
import org.opennps.survey.QuestionType;
import org.opennps.survey.Survey;

/** One answered question of a response, in the survey's order, with its text. */
record AnswerView(String question, String answer, boolean comment) {

    static List<AnswerView> of(Response r, Survey survey) {
        List<AnswerView> views = new ArrayList<>();
        if (survey == null) {
            r.answers().forEach((id, value) -> views.add(new AnswerView(id, text(value), false)));
            return views;
        }
        for (Question q : survey.questions()) {
            Object value = r.answers().get(q.id());
            if (value != null) {
                views.add(new AnswerView(q.text().resolve(r.locale()), text(value), q.type() == QuestionType.TEXT));
            }
        }
        return views;
    }

    /** The first written comment, for the inbox line; null when there is none. */
    static String firstComment(Response r, Survey survey) {
        if (survey == null) {
            return null;
        }
        for (Question q : survey.questions()) {
            if (q.type() == QuestionType.TEXT && r.answers().get(q.id()) instanceof String text && !text.isBlank()) {
                return text.length() > 160 ? text.substring(0, 157) + "…" : text;
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value instanceof Collection<?> list
                ? String.join(", ", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
    }
}
