package org.opennps.respond;

import java.time.Clock;
import java.time.Duration;
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
import org.opennps.workspace.RespondentTexts;
import org.opennps.workspace.Wording;
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
    private final RespondentTexts texts;

    RespondentFlow(
            InvitationService invitations,
            SurveyService surveys,
            WorkspaceService workspaces,
            ContactService contacts,
            ResponseService responses,
            PageBuilder pages,
            RespondentTexts texts,
            Clock clock) {
        this.texts = texts;
        this.invitations = invitations;
        this.surveys = surveys;
        this.workspaces = workspaces;
        this.contacts = contacts;
        this.responses = responses;
        this.pages = pages;
        this.clock = clock;
    }

    /** Page nonces are accepted this long after the page was served (the invitation's own expiry still applies). */
    static final Duration PAGE_LIFETIME = Duration.ofDays(30);

    Visit visit(String token, List<String> accepted) {
        Invitation invitation = invitations.findByToken(token).orElseThrow(PageNotFoundException::new);
        return visit(token, invitation, accepted);
    }

    Visit visit(String token, Invitation invitation, List<String> accepted) {
        var ws = invitation.workspaceId();
        Workspace workspace = workspaces.get(ws);
        Survey survey = surveys.find(ws, invitation.surveyId()).orElseThrow(PageNotFoundException::new);
        Contact contact = invitation.contactId() == null
                ? null
                : contacts.find(ws, invitation.contactId()).orElse(null);
        Response response = responses.forInvitation(ws, invitation.id()).orElse(null);
        String locale = response != null && response.locale() != null
                ? response.locale()
                : Locales.choose(
                        survey,
                        contact == null ? null : contact.locale(),
                        accepted,
                        workspace.settings().defaultLocale());
        return new Visit(token, invitation, workspace, survey, contact, response, locale, texts.wording(ws, locale));
    }

    /** The shipped texts in the browser's language, for pages without a workspace (unknown links). */
    Wording anonymous(List<String> accepted) {
        String language = accepted.stream()
                .map(tag -> java.util.Locale.forLanguageTag(tag).getLanguage())
                .filter(Wording.SHIPPED::contains)
                .findFirst()
                .orElse("en");
        return texts.wording(null, language);
    }

    /** Whether a posted page nonce was signed for this page and is not older than {@link #PAGE_LIFETIME}. */
    boolean genuine(String scope, String nonce) {
        return invitations
                .pageNonceAge(scope, nonce)
                .filter(age -> age.compareTo(PAGE_LIFETIME) <= 0 && age.compareTo(Duration.ofMinutes(-5)) >= 0)
                .isPresent();
    }

    /**
     * A posted form whose page nonce is missing, forged or too old: nothing is saved, the page
     * shows again with what was posted and says why, with a fresh nonce to send it again.
     */
    SurveyPage refused(Visit visit, FormInput input) {
        Map<String, Object> answers = new LinkedHashMap<>(
                visit.response() == null ? Map.of() : visit.response().answers());
        input.answers().forEach((k, v) -> {
            if (v != null) {
                answers.put(k, v);
            }
        });
        Integer score = input.score() != null
                ? input.score()
                : visit.response() == null ? null : visit.response().score();
        return pages.build(new PageBuilder.Form(
                visit.survey(),
                visit.workspace(),
                visit.wording(),
                visit.locale(),
                visit.path(),
                invitations.pageNonce(visit.path()),
                null,
                score,
                answers,
                Map.of(),
                null,
                visit.wording().text("respond.error.stale"),
                false));
    }

    /** Confirms a one-click score that is still unconfirmed, as the page script does once the page is shown. */
    boolean confirm(Visit visit) {
        Response r = visit.response();
        if (r == null || r.confirmed() || r.score() == null) {
            return false;
        }
        responses.respond(visit.invitation(), visit.locale(), new Submission(r.score(), true, Map.of(), false));
        return true;
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
        String notice = oneClickScore == null ? null : visit.wording().text("respond.saved", oneClickScore);
        return page(visit.with(response), Map.of(), notice, null);
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
            Wording w = visit.wording();
            e.violations()
                    .forEach(v -> errors.put(
                            v.field().replaceFirst("^answers\\.", ""),
                            v.field().equals("score")
                                    ? w.text("respond.error.score")
                                    : w.text("respond.error.invalid")));
            return new Step(page(visit, errors, null, w.text("respond.error.check")), 422, false);
        }
        Visit saved = visit.with(response);
        Survey survey = visit.survey();
        List<Question> due = survey.visibleQuestions(response.score(), response.answers());
        boolean unseen = due.stream()
                .anyMatch(q -> q.type() != QuestionType.NPS && !input.shown().contains(q.id()));
        if (background || unseen) {
            return new Step(page(saved, Map.of(), null, null), 200, false);
        }
        List<Question> missing = survey.unanswered(response.score(), response.answers());
        if (!missing.isEmpty() || input.badScore()) {
            Map<String, String> errors = new LinkedHashMap<>();
            Wording w = visit.wording();
            missing.forEach(q -> errors.put(
                    q.type() == QuestionType.NPS ? "score" : q.id(),
                    q.type() == QuestionType.NPS ? w.text("respond.error.score") : w.text("respond.error.answer")));
            if (input.badScore()) {
                errors.put("score", w.text("respond.error.score"));
            }
            return new Step(page(saved, errors, null, w.text("respond.error.missing")), 422, false);
        }
        responses.respond(visit.invitation(), visit.locale(), new Submission(null, true, Map.of(), true));
        return new Step(null, 200, true);
    }

    SurveyPage page(Visit visit, Map<String, String> errors, String notice, String error) {
        Response r = visit.response();
        boolean pending = r != null && !r.confirmed() && r.score() != null;
        return pages.build(new PageBuilder.Form(
                visit.survey(),
                visit.workspace(),
                visit.wording(),
                visit.locale(),
                visit.path(),
                invitations.pageNonce(visit.path()),
                pending ? visit.path() + "/confirm" : null,
                r == null ? null : r.score(),
                r == null ? Map.of() : r.answers(),
                errors,
                notice,
                error,
                false));
    }

    /**
     * A page of the survey before anything is saved, for the public link, maybe with a score
     * chosen already ({@code ?score=}) and an error about the whole form.
     */
    SurveyPage blank(Survey survey, Workspace workspace, String locale, String action, Integer score, String error) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (error != null) {
            errors.put("score", error);
        }
        return pages.build(new PageBuilder.Form(
                survey,
                workspace,
                texts.wording(workspace.id(), locale),
                locale,
                action,
                invitations.pageNonce(action),
                null,
                score,
                Map.of(),
                errors,
                null,
                error,
                false));
    }

    Wording wording(Workspace workspace, String locale) {
        return texts.wording(workspace.id(), locale);
    }
}
