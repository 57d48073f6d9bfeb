package org.opennps.client;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.opennps.campaign.FatigueDecision;
import org.opennps.campaign.FatiguePolicy;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactInput;
import org.opennps.contact.ContactService;
import org.opennps.invitation.Channel;
import org.opennps.invitation.Invitation;
import org.opennps.invitation.InvitationService;
import org.opennps.invitation.InvitationStatus;
import org.opennps.invitation.IssueInvitation;
import org.opennps.response.Response;
import org.opennps.response.ResponseService;
import org.opennps.response.Submission;
import org.opennps.shared.ConflictException;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.NotFoundException;
import org.opennps.survey.Question;
import org.opennps.survey.QuestionType;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
import org.opennps.workspace.RespondentTexts;
import org.opennps.workspace.Workspace;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides what the widget or an app shows a visitor now, with the same fatigue policy as
 * e-mail: first a survey a campaign queued for the person ({@code web} action), else a survey
 * whose display rules match the trigger or slot, the page, the person's history with it and
 * sticky sampling. Every offer is a {@code web} invitation with a display token.
 */
@Service
class ClientSurveys {

    /** Reasons that close every survey for the person now, not only the one asked about. */
    private static final Set<String> PERSON_WIDE =
            Set.of("unsubscribed", "bounced", "recontact_after_response", "recontact_after_invitation");

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a page asks for. */
    record Ask(String visitor, String trigger, String slot, String url, String locale) {}

    private final ContactService contacts;
    private final InvitationService invitations;
    private final SurveyService surveys;
    private final ResponseService responses;
    private final FatiguePolicy fatigue;
    private final DisplayRepository displays;
    private final Clock clock;

    private final RespondentTexts texts;

    ClientSurveys(
            ContactService contacts,
            InvitationService invitations,
            SurveyService surveys,
            ResponseService responses,
            FatiguePolicy fatigue,
            DisplayRepository displays,
            RespondentTexts texts,
            Clock clock) {
        this.texts = texts;
        this.contacts = contacts;
        this.invitations = invitations;
        this.surveys = surveys;
        this.responses = responses;
        this.fatigue = fatigue;
        this.displays = displays;
        this.clock = clock;
    }

    /** The survey to show now, or empty when nothing is due. */
    @Transactional
    Optional<WidgetSurvey> next(Workspace ws, Ask ask) {
        Optional<Contact> known = contacts.findByExternalId(ws.id(), ask.visitor());
        Optional<Invitation> queued = known.flatMap(c -> queued(ws.id(), c.id()));
        if (queued.isPresent()) {
            return Optional.of(offer(ws, known.get(), queued.get(), ask));
        }
        List<Survey> candidates = surveys.withDisplay(ws.id()).stream()
                .filter(s -> s.display().matches(ask.trigger(), ask.slot(), ask.url()))
                .toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Contact contact = known.orElseGet(
                () -> contacts.upsert(ws.id(), visitorInput(ask.visitor())).contact());
        for (Survey survey : candidates) {
            if (!mayShowAgain(ws.id(), contact.id(), survey)) {
                continue;
            }
            FatigueDecision decision = fatigue.mayInvite(
                    ws.id(), contact, survey.id(), survey.display().samplingPercent(), null);
            if (decision.allowed()) {
                Map<String, Object> trigger = new LinkedHashMap<>();
                trigger.put("trigger", ask.slot() != null ? "slot:" + ask.slot() : ask.trigger());
                trigger.put("url", ask.url());
                Invitation invitation = invitations.issue(
                        new IssueInvitation(ws.id(), survey.id(), contact.id(), Channel.WEB, null, null, trigger));
                return Optional.of(offer(ws, contact, invitation, ask));
            }
            if (PERSON_WIDE.contains(decision.reason())) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The page showed the survey, or the visitor closed it (which counts as asked). */
    @Transactional
    void display(Workspace ws, String token, String status) {
        Display display = byToken(ws, token);
        Instant now = clock.instant();
        if (Display.SHOWN.equals(status)) {
            displays.mark(display.id(), Display.SHOWN, "shown_at", now);
        } else {
            displays.mark(display.id(), Display.DISMISSED, "dismissed_at", now);
        }
        invitations.markOpened(ws.id(), display.invitationId());
    }

    /**
     * The visitor's answers, through the same rules as the hosted page: a score 0-10, only the
     * follow-ups this score shows are kept, every required one must be there.
     */
    @Transactional
    Response respond(Workspace ws, Display display, Integer score, Map<String, Object> answers) {
        Invitation invitation = invitations.get(ws.id(), display.invitationId());
        if (invitation.status() == InvitationStatus.RESPONDED) {
            throw new ConflictException(null, "This survey was answered already.");
        }
        if (!invitation.openAt(clock.instant())) {
            throw new ConflictException(null, "This survey can no longer be answered.");
        }
        Survey survey = surveys.get(ws.id(), invitation.surveyId());
        checkComplete(survey, score, answers);
        invitations.markOpened(ws.id(), invitation.id());
        Response response = responses.respond(invitation, display.locale(), new Submission(score, true, answers, true));
        displays.mark(display.id(), Display.ANSWERED, "answered_at", clock.instant());
        displays.mark(display.id(), Display.ANSWERED, "shown_at", clock.instant());
        return response;
    }

    Display byToken(Workspace ws, String token) {
        return displays.findByToken(ws.id(), IdentitySecrets.sha256(token))
                .orElseThrow(() -> new NotFoundException("Display"));
    }

    private Optional<Invitation> queued(UUID workspaceId, UUID contactId) {
        return invitations.oldestScheduled(workspaceId, contactId, Channel.WEB);
    }

    private boolean mayShowAgain(UUID workspaceId, UUID contactId, Survey survey) {
        int shown = displays.timesShown(workspaceId, contactId, survey.id());
        if (shown == 0) {
            return true;
        }
        boolean answered = responses.ofContact(workspaceId, contactId).stream()
                .anyMatch(r -> r.surveyId().equals(survey.id()) && r.completed());
        return survey.display().allowsAnother(shown, answered);
    }

    private WidgetSurvey offer(Workspace ws, Contact contact, Invitation invitation, Ask ask) {
        Survey survey = surveys.get(ws.id(), invitation.surveyId());
        // The contact's locale, then the page's language, then the workspace default.
        String locale = survey.chooseLocale(
                Arrays.asList(contact.locale(), ask.locale(), ws.settings().defaultLocale()));
        String token = newToken();
        Display display = new Display(
                UUID.randomUUID(),
                ws.id(),
                invitation.id(),
                survey.id(),
                contact.id(),
                contact.externalId(),
                locale,
                Display.OFFERED,
                null,
                null,
                null);
        displays.insert(
                display,
                IdentitySecrets.sha256(token),
                new DisplayRepository.Offer(ask.trigger(), ask.slot(), ask.url()),
                clock.instant());
        return WidgetSurvey.of(token, survey, locale, ws.settings().brandColor(), texts.wording(ws.id(), locale));
    }

    private static void checkComplete(Survey survey, Integer score, Map<String, Object> answers) {
        List<FieldViolation> violations = new ArrayList<>();
        if (score == null || score < 0 || score > 10) {
            violations.add(new FieldViolation("score", "must be a whole number from 0 to 10"));
        } else {
            Map<String, Object> given = new LinkedHashMap<>(answers);
            given.values().removeIf(v -> v == null || (v instanceof String s && s.isBlank()));
            for (Question q : survey.unanswered(score, given)) {
                violations.add(new FieldViolation(
                        q.type() == QuestionType.NPS ? "score" : "answers." + q.id(), "is required"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static ContactInput visitorInput(String externalId) {
        return new ContactInput(externalId, null, null, null, null, null, Map.of());
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "dt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
