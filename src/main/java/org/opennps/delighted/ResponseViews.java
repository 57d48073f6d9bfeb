package org.opennps.delighted;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opennps.contact.ContactService;
import org.opennps.response.Response;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
import org.springframework.stereotype.Component;

/**
 * Responses in Delighted's shape: the comment question as {@code comment}, the survey's other
 * questions as {@code additional_answers}, tags and notes from {@link ResponseExtras}, the
 * person as an id or, expanded, as the person. A page costs one query for the extras and one per
 * distinct person or survey, not one per response.
 */
@Component
class ResponseViews {

    private final ContactService contacts;
    private final SurveyService surveys;
    private final PersonViews people;
    private final ResponseExtras extras;
    private final PublicBase publicBase;

    ResponseViews(
            ContactService contacts,
            SurveyService surveys,
            PersonViews people,
            ResponseExtras extras,
            PublicBase publicBase) {
        this.contacts = contacts;
        this.surveys = surveys;
        this.people = people;
        this.extras = extras;
        this.publicBase = publicBase;
    }

    /** Whether {@code expand[]} (or {@code expand}) asks for {@code what}. */
    static boolean expands(HttpServletRequest request, String what) {
        return QueryLists.values(request, "expand").contains(what);
    }

    Views.SurveyResponse one(UUID ws, Response r, boolean expandPerson) {
        return many(ws, List.of(r), expandPerson).getFirst();
    }

    List<Views.SurveyResponse> many(UUID ws, List<Response> page, boolean expandPerson) {
        Map<UUID, ResponseExtras.Extra> extra =
                extras.of(ws, page.stream().map(Response::id).toList());
        Map<UUID, Object> persons = new HashMap<>();
        Map<UUID, Survey> asked = new HashMap<>();
        String base = publicBase.base();
        return page.stream()
                .map(r -> {
                    Object person = r.contactId() == null ? null : r.contactId().toString();
                    if (expandPerson && r.contactId() != null) {
                        person = persons.computeIfAbsent(
                                r.contactId(),
                                id -> contacts.find(ws, id)
                                        .<Object>map(c -> people.of(ws, c))
                                        .orElse(id.toString()));
                    }
                    Survey survey = asked.computeIfAbsent(
                            r.surveyId(), id -> surveys.find(ws, id).orElse(null));
                    Object comment = r.answers().get(DelightedSurvey.COMMENT);
                    ResponseExtras.Extra e = extra.getOrDefault(r.id(), ResponseExtras.Extra.NONE);
                    return new Views.SurveyResponse(
                            r.id().toString(),
                            person,
                            "nps",
                            r.score(),
                            comment instanceof String text ? text : null,
                            base + "/responses/" + r.id(),
                            Views.unix(r.startedAt()),
                            Views.unix(r.updatedAt()),
                            r.contactAttributes(),
                            e.notes(),
                            e.tags(),
                            survey == null ? List.of() : AdditionalAnswers.of(survey, r.answers(), r.locale()));
                })
                .toList();
    }
}
