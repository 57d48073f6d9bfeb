package org.opennps.response;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactService;
import org.opennps.invitation.Channel;
import org.opennps.invitation.Invitation;
import org.opennps.invitation.InvitationService;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.NotFoundException;
import org.opennps.shared.PageResult;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Entry point of the response module: record scores and answers, step by step or at once. */
@Service
public class ResponseService {

    private final ResponseRepository responses;
    private final SurveyService surveys;
    private final InvitationService invitations;
    private final ContactService contacts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResponseService(
            ResponseRepository responses,
            SurveyService surveys,
            InvitationService invitations,
            ContactService contacts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.responses = responses;
        this.surveys = surveys;
        this.invitations = invitations;
        this.contacts = contacts;
        this.events = events;
        this.clock = clock;
    }

    /** The latest time the person gave a confirmed score or finished a survey. */
    public Optional<Instant> lastRespondedAt(UUID workspaceId, UUID contactId) {
        return responses.lastRespondedAt(workspaceId, contactId);
    }

    /** {@link #lastRespondedAt(UUID, UUID)} for many contacts in one statement; contacts without one are absent. */
    public java.util.Map<UUID, Instant> lastRespondedAt(UUID workspaceId, java.util.Collection<UUID> contactIds) {
        return responses.lastRespondedAt(workspaceId, contactIds);
    }

    public Optional<Response> forInvitation(UUID workspaceId, UUID invitationId) {
        return responses.findByInvitation(workspaceId, invitationId);
    }

    public Response get(UUID workspaceId, UUID responseId) {
        return responses.find(workspaceId, responseId).orElseThrow(() -> new NotFoundException("Response"));
    }

    /**
     * One step of a respondent answering an invitation. The first step starts the response with
     * its snapshots; a changed score drops answers its follow-ups no longer show; the response is
     * completed when asked and nothing required is missing. A finished response is not changed.
     */
    @Transactional
    public Response respond(Invitation invitation, String locale, Submission submission) {
        UUID ws = invitation.workspaceId();
        Survey survey = surveys.get(ws, invitation.surveyId());
        Response current = responses.findByInvitation(ws, invitation.id()).orElse(null);
        if (current != null && current.completed()) {
            return current;
        }
        Response before = current;
        if (current == null) {
            Map<String, Object> trigger = invitations.eventProperties(ws, invitation.id());
            current = started(
                    ws, survey.id(), invitation, invitation.contactId(), invitation.channel(), locale, trigger, now());
        }
        List<FieldViolation> violations = new ArrayList<>();
        Response next = ResponseChange.apply(survey, current, submission, now(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (before == null && !responses.insertIfAbsent(next, AnswerRules.hasComment(survey, next.answers()))) {
            // Another step of the same respondent started the response a moment earlier.
            before = responses.findByInvitation(ws, invitation.id()).orElseThrow();
            if (before.completed()) {
                return before;
            }
            next = ResponseChange.apply(survey, before, submission, now(), violations);
        }
        if (before != null) {
            responses.update(next, AnswerRules.hasComment(survey, next.answers()));
        }
        announce(before, next);
        if (next.completed()) {
            invitations.markResponded(ws, invitation.id());
        }
        return next;
    }

    /**
     * A complete response recorded server-side (no invitation): every answer must be shown for
     * the score and every required question answered.
     */
    @Transactional
    public Response record(
            UUID workspaceId, UUID surveyId, UUID contactId, Channel channel, String locale, Submission s) {
        return recordAt(workspaceId, surveyId, contactId, channel, locale, s, Map.of(), now(), Map.of());
    }

    /**
     * Like {@link #record(UUID, UUID, UUID, String, String, Submission)}, with
     * {@code extraAttributes} laid over the contact's attributes in the response's snapshot only
     * (the contact keeps its own).
     */
    @Transactional
    public Response record(
            UUID workspaceId,
            UUID surveyId,
            UUID contactId,
            Channel channel,
            String locale,
            Submission s,
            Map<String, Object> extraAttributes) {
        return recordAt(workspaceId, surveyId, contactId, channel, locale, s, Map.of(), now(), extraAttributes);
    }

    /**
     * Like {@link #record}, but started and completed at a past time {@code at}, so the
     * {@link ResponseRecorded} it announces carries that time. Meant for loading history (the
     * demo workspace's sample data, imports), never for live answers.
     */
    @Transactional
    public Response recordHistorical(
            UUID workspaceId,
            UUID surveyId,
            UUID contactId,
            Channel channel,
            String locale,
            Submission s,
            Map<String, Object> trigger,
            Instant at) {
        if (at.isAfter(clock.instant())) {
            throw new IllegalArgumentException("A historical response lies in the past");
        }
        return recordAt(
                workspaceId,
                surveyId,
                contactId,
                channel,
                locale,
                s,
                trigger,
                at.truncatedTo(ChronoUnit.MICROS),
                Map.of());
    }

    /**
     * Like {@link #record(UUID, UUID, UUID, String, String, Submission, Map)}, collected at
     * {@code at} (null: now) as a client that writes its own times asks; a time in the future is
     * refused. The response is announced as live: alerts and webhooks act on it.
     */
    @Transactional
    public Response record(
            UUID workspaceId,
            UUID surveyId,
            UUID contactId,
            Channel channel,
            String locale,
            Submission s,
            Map<String, Object> extraAttributes,
            Instant at) {
        Instant when = at == null ? now() : at.truncatedTo(ChronoUnit.MICROS);
        if (when.isAfter(clock.instant())) {
            throw new InvalidInputException("created_at", "must not be in the future");
        }
        return recordAt(workspaceId, surveyId, contactId, channel, locale, s, Map.of(), when, extraAttributes);
    }

    /**
     * One response of another system's history, as {@link #importAll} takes it.
     *
     * @param id the id to store it under (the caller may have claimed it elsewhere first)
     * @param contact the person as stored now (whose attributes the snapshot takes), or null
     */
    public record HistoricalResponse(
            UUID id,
            Contact contact,
            Channel channel,
            Submission submission,
            Map<String, Object> extraAttributes,
            Instant at) {}

    /** What became of one {@link HistoricalResponse}: stored, or refused with the reason. */
    public record Imported(Response response, String rejection) {}

    /**
     * Responses from another system's history, each collected at its own time: checked like
     * {@link #record} one by one (a refused one is reported, the others are stored), then
     * stored together in one batch and announced once as {@link ResponsesImported} (no
     * {@link ResponseRecorded}, {@link ResponseScored} or {@link ResponseCompleted}), so no
     * alert, webhook or campaign acts on them while analytics counts each in its own day, in
     * this transaction. One result per input, in order.
     */
    @Transactional
    public List<Imported> importAll(UUID workspaceId, UUID surveyId, List<HistoricalResponse> rows) {
        Survey survey = surveys.get(workspaceId, surveyId);
        Instant now = clock.instant();
        List<Imported> results = new ArrayList<>(rows.size());
        List<Response> stored = new ArrayList<>(rows.size());
        List<Boolean> comments = new ArrayList<>(rows.size());
        for (HistoricalResponse row : rows) {
            if (row.at().isAfter(now)) {
                results.add(new Imported(
                        null, new InvalidInputException("created_at", "must not be in the future").getMessage()));
                continue;
            }
            try {
                Instant at = row.at().truncatedTo(ChronoUnit.MICROS);
                Contact contact = row.contact();
                Response start = withSnapshotExtras(
                        started(
                                row.id(),
                                workspaceId,
                                surveyId,
                                null,
                                contact == null ? null : contact.id(),
                                row.channel(),
                                null,
                                Map.of(),
                                at,
                                contact == null ? Map.of() : contact.attributes()),
                        row.extraAttributes());
                Response next = checked(survey, start, row.submission(), at);
                stored.add(next);
                comments.add(AnswerRules.hasComment(survey, next.answers()));
                results.add(new Imported(next, null));
            } catch (InvalidInputException e) {
                results.add(new Imported(null, e.getMessage()));
            }
        }
        if (!stored.isEmpty()) {
            responses.insertAll(stored, comments);
            events.publishEvent(new ResponsesImported(
                    workspaceId, stored.stream().map(r -> r.recorded(true)).toList()));
        }
        return results;
    }

    /**
     * Changes a recorded response as a client that owns it may: a new score and answers (merged,
     * a blank text removes one) and, when given, the attributes laid over the contact's in its
     * snapshot and the contact it belongs to. Announced like any change.
     */
    @Transactional
    public Response amend(
            UUID workspaceId,
            UUID responseId,
            Integer score,
            Map<String, Object> answers,
            Map<String, Object> snapshotExtras,
            UUID contactId) {
        Response before = get(workspaceId, responseId);
        Survey survey = surveys.get(workspaceId, before.surveyId());
        Response base = before;
        if (contactId != null || snapshotExtras != null) {
            UUID owner = contactId != null ? contactId : before.contactId();
            Map<String, Object> attributes = new java.util.LinkedHashMap<>(
                    contactId == null || contactId.equals(before.contactId())
                            ? before.contactAttributes()
                            : contacts.find(workspaceId, contactId)
                                    .map(Contact::attributes)
                                    .orElse(Map.of()));
            if (snapshotExtras != null) {
                attributes.putAll(snapshotExtras);
                attributes.values().removeIf(Objects::isNull);
            }
            base = new Response(
                    before.id(),
                    before.workspaceId(),
                    before.surveyId(),
                    before.campaignId(),
                    before.invitationId(),
                    owner,
                    before.channel(),
                    before.score(),
                    before.category(),
                    before.confirmed(),
                    before.answers(),
                    attributes,
                    before.eventProperties(),
                    before.locale(),
                    before.startedAt(),
                    before.completedAt(),
                    before.updatedAt());
        }
        List<FieldViolation> violations = new ArrayList<>();
        Response next = ResponseChange.apply(
                survey,
                base,
                new Submission(score, true, answers == null ? Map.of() : answers, true),
                now(),
                violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        if (before.completedAt() != null) {
            next = withCompletedAt(next, before.completedAt());
        }
        responses.update(next, AnswerRules.hasComment(survey, next.answers()));
        announce(before, next);
        return next;
    }

    private static Response withCompletedAt(Response r, Instant completedAt) {
        return new Response(
                r.id(),
                r.workspaceId(),
                r.surveyId(),
                r.campaignId(),
                r.invitationId(),
                r.contactId(),
                r.channel(),
                r.score(),
                r.category(),
                r.confirmed(),
                r.answers(),
                r.contactAttributes(),
                r.eventProperties(),
                r.locale(),
                r.startedAt(),
                completedAt,
                r.updatedAt());
    }

    private Response recordAt(
            UUID workspaceId,
            UUID surveyId,
            UUID contactId,
            Channel channel,
            String locale,
            Submission s,
            Map<String, Object> trigger,
            Instant at,
            Map<String, Object> extraAttributes) {
        Response next = store(workspaceId, surveyId, contactId, channel, locale, s, trigger, at, extraAttributes);
        announce(null, next);
        return next;
    }

    private Response store(
            UUID workspaceId,
            UUID surveyId,
            UUID contactId,
            Channel channel,
            String locale,
            Submission s,
            Map<String, Object> trigger,
            Instant at,
            Map<String, Object> extraAttributes) {
        Survey survey = surveys.get(workspaceId, surveyId);
        Response start = withSnapshotExtras(
                started(workspaceId, surveyId, null, contactId, channel, locale, trigger, at), extraAttributes);
        Response next = checked(survey, start, s, at);
        responses.insertIfAbsent(next, AnswerRules.hasComment(survey, next.answers()));
        return next;
    }

    /**
     * A complete response built from {@code start} and the submission: every answer must be
     * shown for the score and every required question answered, else InvalidInputException.
     */
    private static Response checked(Survey survey, Response start, Submission s, Instant at) {
        List<FieldViolation> violations = new ArrayList<>();
        Response next =
                ResponseChange.apply(survey, start, new Submission(s.score(), true, s.answers(), true), at, violations);
        s.answers().forEach((id, value) -> {
            if (value != null
                    && survey.question(id).isPresent()
                    && !next.answers().containsKey(id)) {
                violations.add(new FieldViolation("answers." + id, "is not shown for this score and these answers"));
            }
        });
        survey.unanswered(next.score(), next.answers())
                .forEach(q -> violations.add(new FieldViolation(
                        q.type() == org.opennps.survey.QuestionType.NPS ? "score" : "answers." + q.id(),
                        "is required")));
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return next;
    }

    /** A page of the confirmed, scored responses the query selects (the ones NPS counts). */
    public PageResult<Response> listScored(UUID workspaceId, ScoredResponses query, PageResult.Request page) {
        return responses.listScored(workspaceId, query, page);
    }

    /** Responses matching the filter, latest first. */
    public PageResult<Response> list(UUID workspaceId, ResponseFilter filter, PageResult.Request page) {
        return responses.list(workspaceId, filter, page);
    }

    /** A contact's responses, latest first. */
    public List<Response> ofContact(UUID workspaceId, UUID contactId) {
        return responses.findByContact(workspaceId, contactId);
    }

    /** How many responses a survey has, or a campaign (pass null for the other). */
    public long countOf(UUID workspaceId, UUID surveyId, UUID campaignId) {
        return responses.countOf(workspaceId, surveyId, campaignId);
    }

    /**
     * Deletes every response of a survey, or of a campaign (pass null for the other), announcing
     * {@link ResponsesDeleted} per batch first so cases and analytics go in the same transaction.
     */
    @Transactional
    public long deleteOf(UUID workspaceId, UUID surveyId, UUID campaignId) {
        long deleted = 0;
        while (true) {
            List<UUID> ids = responses.idsOf(workspaceId, surveyId, campaignId, DELETE_BATCH);
            if (ids.isEmpty()) {
                return deleted;
            }
            events.publishEvent(new ResponsesDeleted(workspaceId, ids));
            deleted += responses.delete(workspaceId, ids);
        }
    }

    private static final int DELETE_BATCH = 500;

    /** How many responses each survey of the workspace has (surveys without any are absent). */
    public Map<UUID, Long> countsBySurvey(UUID workspaceId) {
        return responses.countsBySurvey(workspaceId);
    }

    private Response started(
            UUID ws,
            UUID surveyId,
            Invitation invitation,
            UUID contactId,
            Channel channel,
            String locale,
            Map<String, Object> trigger,
            Instant now) {
        Map<String, Object> attributes = contactId == null
                ? Map.of()
                : contacts.find(ws, contactId).map(Contact::attributes).orElse(Map.of());
        return started(
                UUID.randomUUID(), ws, surveyId, invitation, contactId, channel, locale, trigger, now, attributes);
    }

    private static Response started(
            UUID id,
            UUID ws,
            UUID surveyId,
            Invitation invitation,
            UUID contactId,
            Channel channel,
            String locale,
            Map<String, Object> trigger,
            Instant now,
            Map<String, Object> attributes) {
        return new Response(
                id,
                ws,
                surveyId,
                invitation == null ? null : invitation.campaignId(),
                invitation == null ? null : invitation.id(),
                contactId,
                channel,
                null,
                null,
                false,
                Map.of(),
                attributes,
                trigger,
                locale,
                now,
                null,
                now);
    }

    private static Response withSnapshotExtras(Response r, Map<String, Object> extra) {
        if (extra == null || extra.isEmpty()) {
            return r;
        }
        Map<String, Object> attributes = new java.util.LinkedHashMap<>(r.contactAttributes());
        attributes.putAll(extra);
        return new Response(
                r.id(),
                r.workspaceId(),
                r.surveyId(),
                r.campaignId(),
                r.invitationId(),
                r.contactId(),
                r.channel(),
                r.score(),
                r.category(),
                r.confirmed(),
                r.answers(),
                attributes,
                r.eventProperties(),
                r.locale(),
                r.startedAt(),
                r.completedAt(),
                r.updatedAt());
    }

    /** Announces a written change: recorded always, scored and completed only when they change. */
    void announce(Response before, Response after) {
        events.publishEvent(after.recorded());
        boolean scoreChanged = before == null || !before.confirmed() || !Objects.equals(before.score(), after.score());
        if (after.confirmed() && after.score() != null && scoreChanged) {
            events.publishEvent(new ResponseScored(
                    after.workspaceId(),
                    after.id(),
                    after.contactId(),
                    after.score(),
                    after.category(),
                    after.channel()));
        }
        if (after.completed() && (before == null || !before.completed())) {
            events.publishEvent(new ResponseCompleted(after.workspaceId(), after.id()));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
