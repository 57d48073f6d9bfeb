package org.opennps.invitation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactInput;
import org.opennps.contact.ContactService;
import org.opennps.delivery.DeliveryService;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.NotFoundException;
import org.opennps.shared.PageResult;
import org.opennps.survey.Survey;
import org.opennps.survey.SurveyService;
import org.opennps.workspace.Workspace;
import org.opennps.workspace.WorkspaceService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Entry point of the invitation module: issue, move on and resolve survey requests. */
@Service
public class InvitationService {

    /** Start of the outbox reference of an invitation's e-mail or webhook; see {@link #outboxReference}. */
    static final String OUTBOX_PREFIX = "invitation:";

    private static final String OPEN = "'scheduled', 'sent', 'opened'";

    private final InvitationRepository invitations;
    private final InvitationTokens tokens;
    private final InvitationLinks links;
    private final SurveyService surveys;
    private final ContactService contacts;
    private final WorkspaceService workspaces;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final DeliveryService delivery;

    InvitationService(
            InvitationRepository invitations,
            InvitationTokens tokens,
            InvitationLinks links,
            SurveyService surveys,
            ContactService contacts,
            WorkspaceService workspaces,
            Clock clock,
            ApplicationEventPublisher events,
            DeliveryService delivery) {
        this.delivery = delivery;
        this.invitations = invitations;
        this.tokens = tokens;
        this.links = links;
        this.surveys = surveys;
        this.contacts = contacts;
        this.workspaces = workspaces;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Creates a {@code scheduled} invitation with its link token and expiry (the survey's
     * {@code invitation_expiry}, else the workspace's). A null contact is an anonymous respondent.
     */
    @Transactional
    public Invitation issue(IssueInvitation command) {
        return create(command, InvitationStatus.SCHEDULED, null, InvitationTokens.newNonce());
    }

    /**
     * {@link #issue(IssueInvitation)} for a caller that has the survey and workspace at hand (a
     * batch of journeys) and knows the contact exists: nothing is read, and the link token is
     * made once, so the e-mail's links need no further look-up. Runs in the caller's transaction,
     * which must be open: a batch calls this for each of its journeys, and opening and joining a
     * transaction for each cost more than the write it holds.
     */
    public IssuedInvitation issue(IssueInvitation command, Survey survey, Workspace workspace) {
        org.opennps.shared.BatchedWrites.requireTransaction("issuing an invitation of a batch");
        String nonce = InvitationTokens.newNonce();
        Invitation invitation = build(command, InvitationStatus.SCHEDULED, null, survey, workspace);
        invitations.insert(invitation, nonce, command.eventProperties());
        return new IssuedInvitation(invitation, links.survey(tokens.token(invitation.id(), nonce)));
    }

    /**
     * {@link #suppress(IssueInvitation, String)} with the survey and workspace at hand, in the
     * caller's open transaction (see {@link #issue(IssueInvitation, Survey, Workspace)}).
     */
    public Invitation suppress(IssueInvitation command, String reason, Survey survey, Workspace workspace) {
        org.opennps.shared.BatchedWrites.requireTransaction("recording a suppressed invitation of a batch");
        Invitation invitation = build(command, InvitationStatus.SUPPRESSED, reason, survey, workspace);
        invitations.insert(invitation, null, command.eventProperties());
        return invitation;
    }

    /** {@link #lastInvitedAt(UUID, UUID)} of many contacts in one statement; contacts never invited are absent. */
    public Map<UUID, Instant> lastInvitedAt(UUID workspaceId, java.util.Collection<UUID> contactIds) {
        return invitations.lastShown(workspaceId, contactIds);
    }

    /** Records that the person was not asked, and why; such an invitation has no link. */
    @Transactional
    public Invitation suppress(IssueInvitation command, String reason) {
        return create(command, InvitationStatus.SUPPRESSED, reason, null);
    }

    @Transactional
    public void markSent(UUID workspaceId, UUID invitationId) {
        if (mark(workspaceId, invitationId, InvitationStatus.SENT, null, "sent_at", "'scheduled', 'failed'")) {
            Invitation i = get(workspaceId, invitationId);
            events.publishEvent(new InvitationSent(workspaceId, i.id(), i.contactId(), i.campaignId(), i.channel()));
        }
    }

    /**
     * {@link #markSent(UUID, UUID)} for a batch (invitation id → workspace id): one batch of
     * updates, one read and one {@link InvitationsSent} event for those that moved.
     */
    @Transactional
    public void markSent(Map<UUID, UUID> workspaceByInvitation) {
        if (workspaceByInvitation.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<UUID> moved = invitations.markSent(workspaceByInvitation, now);
        List<InvitationSent> sent = invitations.all(moved, now).stream()
                .map(i -> new InvitationSent(i.workspaceId(), i.id(), i.contactId(), i.campaignId(), i.channel()))
                .toList();
        if (!sent.isEmpty()) {
            events.publishEvent(new InvitationsSent(sent));
        }
    }

    @Transactional
    public void markFailed(UUID workspaceId, UUID invitationId, String reason) {
        if (mark(workspaceId, invitationId, InvitationStatus.FAILED, reason, null, "'scheduled', 'sent'")) {
            Invitation i = get(workspaceId, invitationId);
            events.publishEvent(
                    new InvitationFailed(workspaceId, i.id(), i.contactId(), i.campaignId(), i.channel(), reason));
        }
    }

    /** The respondent opened the link (or was shown the survey). */
    @Transactional
    public void markOpened(UUID workspaceId, UUID invitationId) {
        mark(workspaceId, invitationId, InvitationStatus.OPENED, null, "opened_at", "'scheduled', 'sent'");
    }

    @Transactional
    public void markResponded(UUID workspaceId, UUID invitationId) {
        mark(workspaceId, invitationId, InvitationStatus.RESPONDED, null, "responded_at", OPEN);
    }

    /** Records that an open invitation's time ran out (listings already show it as expired). */
    @Transactional
    public void markExpired(UUID workspaceId, UUID invitationId) {
        invitations.mark(workspaceId, invitationId, InvitationStatus.EXPIRED, null, null, clock.instant(), OPEN);
    }

    /**
     * Withdraws an invitation not sent yet: it becomes {@code suppressed} with reason
     * {@code cancelled} and its link stops working. Returns false when it had left
     * {@code scheduled} already.
     */
    @Transactional
    public boolean cancel(UUID workspaceId, UUID invitationId) {
        return invitations.mark(
                        workspaceId,
                        invitationId,
                        InvitationStatus.SUPPRESSED,
                        "cancelled",
                        null,
                        clock.instant(),
                        "'scheduled'")
                > 0;
    }

    /**
     * The reference to queue an invitation's e-mail or webhook under: the outbox's report on it
     * then moves the invitation to sent or failed, and a second queueing sends nothing.
     */
    public static String outboxReference(UUID invitationId) {
        return OUTBOX_PREFIX + invitationId;
    }

    /** The invitation an outbox reference was queued for; empty for other references. */
    static Optional<UUID> invitationOf(String reference) {
        if (reference == null || !reference.startsWith(OUTBOX_PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(reference.substring(OUTBOX_PREFIX.length())));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    public String surveyUrl(Invitation invitation) {
        return links.survey(token(invitation));
    }

    public String scoreUrl(Invitation invitation, int score) {
        if (score < 0 || score > 10) {
            throw new IllegalArgumentException("A score is 0 to 10");
        }
        return links.survey(token(invitation)) + "?score=" + score;
    }

    /**
     * A signed nonce for one respondent page (scope: its path), with the time it was issued: forms
     * post it back instead of a session's CSRF token. See {@link #pageNonceAge}.
     */
    public String pageNonce(String scope) {
        return tokens.pageNonce(scope, clock.instant().getEpochSecond());
    }

    /** How long ago a page nonce was issued for this scope; empty when it is forged, altered or foreign. */
    public Optional<Duration> pageNonceAge(String scope, String nonce) {
        return tokens.pageNonceIssuedAt(scope, nonce)
                .map(issued -> Duration.between(Instant.ofEpochSecond(issued), clock.instant()));
    }

    public String unsubscribeUrl(Invitation invitation) {
        return links.survey(token(invitation)) + "/unsubscribe";
    }

    /**
     * Stage counts of a campaign's invitations created in {@code [since, until)} (null bounds
     * are open), or of every campaign's when {@code campaignId} is null, ordered by campaign id.
     * Empty when the campaign has no invitations in that period.
     */
    public List<CampaignInvitationCounts> campaignCounts(
            UUID workspaceId, UUID campaignId, Instant since, Instant until) {
        return invitations.campaignCounts(workspaceId, campaignId, since, until);
    }

    /** How many invitations a survey has, or a campaign (pass null for the other). */
    public long countOf(UUID workspaceId, UUID surveyId, UUID campaignId) {
        return invitations.countOf(workspaceId, surveyId, campaignId);
    }

    /**
     * Deletes the invitations of a survey, or of a campaign, with their deleted survey or
     * campaign: their links stop working, their e-mails and webhook posts still queued are
     * cancelled, and {@link InvitationsDeleted} is announced per batch so the widget's displays
     * go too. Call after their responses are deleted.
     */
    @Transactional
    public long deleteOf(UUID workspaceId, UUID surveyId, UUID campaignId) {
        long deleted = 0;
        while (true) {
            List<UUID> ids = invitations.idsOf(workspaceId, surveyId, campaignId, DELETE_BATCH);
            if (ids.isEmpty()) {
                return deleted;
            }
            delivery.cancelQueued(
                    workspaceId,
                    ids.stream().map(InvitationService::outboxReference).toList(),
                    "cancelled: its invitation was deleted with its " + (surveyId != null ? "survey" : "campaign"));
            events.publishEvent(new InvitationsDeleted(workspaceId, ids));
            deleted += invitations.delete(workspaceId, ids);
        }
    }

    private static final int DELETE_BATCH = 500;

    /** Whether the campaign issued any invitation in this workspace (whatever its status or time). */
    public boolean campaignInvited(UUID workspaceId, UUID campaignId) {
        return invitations.campaignKnown(workspaceId, campaignId);
    }

    /** The latest time a survey was put in front of the person (sent, opened or answered). */
    public Optional<Instant> lastInvitedAt(UUID workspaceId, UUID contactId) {
        return invitations.lastShown(workspaceId, contactId);
    }

    public Optional<Invitation> find(UUID workspaceId, UUID invitationId) {
        return invitations.find(workspaceId, invitationId, clock.instant()).map(InvitationRepository.Row::invitation);
    }

    public Invitation get(UUID workspaceId, UUID invitationId) {
        return find(workspaceId, invitationId).orElseThrow(() -> new NotFoundException("Invitation"));
    }

    /** The invitation of a link token; empty for an unknown, malformed or tampered token. */
    public Optional<Invitation> findByToken(String token) {
        return InvitationTokens.idOf(token)
                .flatMap(id -> invitations.findForToken(id, clock.instant()))
                .filter(row -> tokens.matches(token, row.invitation().id(), row.nonce()))
                .map(InvitationRepository.Row::invitation);
    }

    /** The properties of the event that triggered the invitation (empty when none). */
    public Map<String, Object> eventProperties(UUID workspaceId, UUID invitationId) {
        return invitations
                .find(workspaceId, invitationId, clock.instant())
                .map(InvitationRepository.Row::eventProperties)
                .orElse(Map.of());
    }

    /**
     * The contact's oldest invitation on {@code channel} that is still {@code scheduled} and
     * not expired: a survey queued for the widget or an app, waiting to be shown.
     */
    public Optional<Invitation> oldestScheduled(UUID workspaceId, UUID contactId, Channel channel) {
        return invitations.oldestScheduled(workspaceId, contactId, channel, clock.instant());
    }

    /** A contact's latest invitations, newest first, at most {@code limit}. */
    public List<Invitation> ofContact(UUID workspaceId, UUID contactId, int limit) {
        return list(workspaceId, new InvitationFilter(contactId, null, null), PageResult.Request.of(1, limit))
                .items();
    }

    PageResult<Invitation> list(UUID workspaceId, InvitationFilter filter, PageResult.Request page) {
        return invitations.list(workspaceId, filter, clock.instant(), page).map(InvitationRepository.Row::invitation);
    }

    /** The survey link, unless the invitation has none (suppressed ones). */
    Optional<String> linkOf(Invitation invitation) {
        return invitations
                .find(invitation.workspaceId(), invitation.id(), clock.instant())
                .filter(row -> row.nonce() != null)
                .map(row -> links.survey(tokens.token(row.invitation().id(), row.nonce())));
    }

    private Invitation create(IssueInvitation c, InvitationStatus status, String reason, String nonce) {
        Survey survey = surveys.get(c.workspaceId(), c.surveyId());
        if (c.contactId() != null) {
            contacts.get(c.workspaceId(), c.contactId());
        }
        Workspace workspace = survey.invitationExpiry() != null ? null : workspaces.get(c.workspaceId());
        Invitation invitation = build(c, status, reason, survey, workspace);
        invitations.insert(invitation, nonce, c.eventProperties());
        return invitation;
    }

    private Invitation build(
            IssueInvitation c, InvitationStatus status, String reason, Survey survey, Workspace workspace) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Duration validity = survey.invitationExpiry() != null
                ? Duration.parse(survey.invitationExpiry())
                : workspace.settings().invitationExpiryDuration();
        return new Invitation(
                org.opennps.shared.RandomIds.next(),
                c.workspaceId(),
                c.surveyId(),
                c.contactId(),
                c.campaignId(),
                c.journeyId(),
                c.channel(),
                status,
                reason == null ? null : reason.substring(0, Math.min(500, reason.length())),
                now,
                null,
                null,
                null,
                now.plus(validity));
    }

    /** Moves the invitation on; false (and 404 for an unknown id) when it was not in {@code from}. */
    private boolean mark(
            UUID workspaceId, UUID id, InvitationStatus status, String reason, String column, String from) {
        if (invitations.mark(workspaceId, id, status, reason, column, clock.instant(), from) == 0) {
            get(workspaceId, id);
            return false;
        }
        return true;
    }

    private String token(Invitation invitation) {
        InvitationRepository.Row row = invitations
                .find(invitation.workspaceId(), invitation.id(), clock.instant())
                .orElseThrow(() -> new NotFoundException("Invitation"));
        if (row.nonce() == null) {
            throw new IllegalStateException("A suppressed invitation has no link");
        }
        return tokens.token(invitation.id(), row.nonce());
    }

    /**
     * A personal link for use outside campaigns: the contact is upserted and the invitation
     * counts as sent, since the caller hands the link on; an unreachable person is suppressed.
     */
    @Transactional
    public Invitation personalLink(UUID workspaceId, UUID surveyId, ContactInput contact) {
        if (surveys.find(workspaceId, surveyId).isEmpty()) {
            throw new InvalidInputException("survey_id", "is not a survey of this workspace");
        }
        Contact person = contacts.upsert(workspaceId, contact).contact();
        IssueInvitation command =
                new IssueInvitation(workspaceId, surveyId, person.id(), Channel.LINK, null, null, Map.of());
        if (!person.reachable()) {
            return suppress(command, person.unsubscribedAt() != null ? "unsubscribed" : "bounced");
        }
        Invitation issued = issue(command);
        markSent(workspaceId, issued.id());
        return get(workspaceId, issued.id());
    }
}
