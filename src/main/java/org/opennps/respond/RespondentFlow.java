package org.opennps.respond;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactService;
import org.opennps.invitation.Invitation;
import org.opennps.invitation.InvitationService;
import org.opennps.response.Response;
import org.opennps.response.ResponseService;
import org.opennps.response.Submission;
import org.opennps.shared.InvalidInputException;
import org.opennps.survey.Question;
import org.opennps.survey.QuestionType;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
import org.opennps.workspace.Workspace;
import org.opennps.workspace.WorkspaceService;
import org.springframework.stereotype.Component;

/** The steps of answering one invitation: open, one-click score, save a step, finish. */
@Component
class RespondentFlow {

    /** What a step led to: the page to show again (with its status) or the finished response. */
    record Step(SurveyPage page, int status, boolean finished) {}

    private final InvitationService invitations;
    private final SurveyService surveys;
    private final WorkspaceService workspaces;
    private final ContactService contacts;
    private final ResponseService responses;
    private final PageBuilder pages;
    private final Clock clock;

    RespondentFlow(
            InvitationService invitations,
            SurveyService surveys,
            WorkspaceService workspaces,
            ContactService contacts,
            ResponseService responses,
            PageBuilder pages,
            Clock clock) {
        this.invitations = invitations;
        this.surveys = surveys;
        this.workspaces = workspaces;
        this.contacts = contacts;
        this.responses = responses;
        this.pages = pages;
        this.clock = clock;
    }

    Visit visit(String token) {
        Invitation invitation = invitations.findByToken(token).orElseThrow(PageNotFoundException::new);
        return visit(token, invitation);
    }

    Visit visit(String token, Invitation invitation) {
        var ws = invitation.workspaceId();
        Workspace workspace = workspaces.get(ws);
        Survey survey = surveys.find(ws, invitation.surveyId()).orElseThrow(PageNotFoundException::new);
        Contact contact = invitation.contactId() == null
                ? null
                : contacts.find(ws, invitation.contactId()).orElse(null);
        Response response = responses.forInvitation(ws, invitation.id()).orElse(null);
        String locale = response != null && response.locale() != null
                ? response.locale()
                : survey.chooseLocale(Arrays.asList(
                        contact == null ? null : contact.locale(),
                        workspace.settings().defaultLocale()));
        return new Visit(token, invitation, workspace, survey, contact, response, locale);
    }

    /** Why the visit cannot answer, marking a timed-out invitation expired; null when it can. */
    String blocked(Visit visit) {
        String blocked = visit.blocked(clock.instant());
        if ("expired".equals(blocked)) {
            invitations.markExpired(visit.workspace().id(), visit.invitation().id());
        }
        return blocked;
    }

    /** The page opened, maybe with a one-click score from an e-mail. */
    SurveyPage open(Visit visit, Integer oneClickScore) {
        invitations.markOpened(visit.workspace().id(), visit.invitation().id());
        Response response = visit.response();
        if (oneClickScore != null) {
            boolean confirmed = !visit.workspace().settings().oneClickConfirmation();
            response = responses.respond(
                    visit.invitation(), visit.locale(), new Submission(oneClickScore, confirmed, Map.of(), false));
        }
        return page(visit.with(response), Map.of(), null);
    }

    /**
     * Saves what the form sent; finishes when the form showed every question now due and
     * nothing required is missing, else shows the page again with what is new or missing.
     */
    Step step(Visit visit, FormInput input, boolean background) {
        invitations.markOpened(visit.workspace().id(), visit.invitation().id());
        Response response;
        try {
            response = responses.respond(
                    visit.invitation(), visit.locale(), new Submission(input.score(), true, input.answers(), false));
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.violations().forEach(v -> errors.put(v.field().replaceFirst("^answers\\.", ""), v.message()));
            return new Step(page(visit, errors, "Please check your answers."), 422, false);
        }
        Visit saved = visit.with(response);
        Survey survey = visit.survey();
        List<Question> due = survey.visibleQuestions(response.score(), response.answers());
        boolean unseen = due.stream()
                .anyMatch(q -> q.type() != QuestionType.NPS && !input.shown().contains(q.id()));
        if (background || unseen) {
            return new Step(page(saved, Map.of(), null), 200, false);
        }
        List<Question> missing = survey.unanswered(response.score(), response.answers());
        if (!missing.isEmpty() || input.badScore()) {
            Map<String, String> errors = new LinkedHashMap<>();
            missing.forEach(q -> errors.put(
                    q.type() == QuestionType.NPS ? "score" : q.id(),
                    q.type() == QuestionType.NPS
                            ? "Please choose a score from 0 to 10."
                            : "Please answer this question."));
            return new Step(page(saved, errors, "Some answers are missing."), 422, false);
        }
        responses.respond(visit.invitation(), visit.locale(), new Submission(null, true, Map.of(), true));
        return new Step(null, 200, true);
    }

    SurveyPage page(Visit visit, Map<String, String> errors, String error) {
        Response r = visit.response();
        return pages.build(new PageBuilder.Form(
                visit.survey(),
                visit.workspace(),
                visit.locale(),
                "/s/" + visit.token(),
                r == null ? null : r.score(),
                r == null ? Map.of() : r.answers(),
                errors,
                error));
    }

    /** A page of the survey before anything is saved, for the public link. */
    SurveyPage blank(Survey survey, Workspace workspace, String locale, String action, String error) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (error != null) {
            errors.put("score", error);
        }
        return pages.build(new PageBuilder.Form(survey, workspace, locale, action, null, Map.of(), errors, error));
    }
}
