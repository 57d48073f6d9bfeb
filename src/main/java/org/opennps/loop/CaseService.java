package org.opennps.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opennps.response.Response;
import org.opennps.response.ResponseService;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.NotFoundException;
import org.opennps.shared.PageResult;
import org.opennps.workspace.UserService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Entry point for cases: opened by alert rules or by a person, worked in the inbox. */
@Service
public class CaseService {

    private final CaseRepository cases;
    private final ResponseService responses;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final UserService users;

    CaseService(
            CaseRepository cases,
            ResponseService responses,
            ApplicationEventPublisher events,
            Clock clock,
            UserService users) {
        this.users = users;
        this.cases = cases;
        this.responses = responses;
        this.events = events;
        this.clock = clock;
    }

    /** Opens a case for a response (or returns the one it has), due after {@code dueIn}. */
    @Transactional
    public FeedbackCase open(UUID workspaceId, UUID responseId, UUID ruleId, Duration dueIn) {
        Optional<FeedbackCase> existing = cases.findByResponse(workspaceId, responseId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Response response = responses.get(workspaceId, responseId);
        Instant now = now();
        FeedbackCase opened = new FeedbackCase(
                UUID.randomUUID(),
                responseId,
                response.contactId(),
                ruleId,
                response.score(),
                response.category(),
                CaseStatus.OPEN,
                null,
                List.of(),
                now.plus(dueIn),
                now,
                now,
                null,
                List.of());
        if (!cases.insertIfAbsent(workspaceId, opened)) {
            return cases.findByResponse(workspaceId, responseId).orElseThrow();
        }
        events.publishEvent(new CaseUpdated(workspaceId, opened.id(), responseId, opened.status(), null, now));
        return opened;
    }

    public FeedbackCase get(UUID workspaceId, UUID caseId) {
        return cases.find(workspaceId, caseId).orElseThrow(() -> new NotFoundException("Case"));
    }

    /** A contact's latest cases, newest first (their notes are not loaded). */
    public List<FeedbackCase> ofContact(UUID workspaceId, UUID contactId, int limit) {
        return cases.ofContact(workspaceId, contactId, limit);
    }

    public Optional<FeedbackCase> forResponse(UUID workspaceId, UUID responseId) {
        return cases.findByResponse(workspaceId, responseId);
    }

    public PageResult<FeedbackCase> list(
            UUID workspaceId, CaseStatus status, String owner, String tag, PageResult.Request page) {
        return cases.list(workspaceId, new CaseRepository.Filter(status, owner, tag), page);
    }

    /** Applies a change by {@code actor} (an e-mail or "api"); a note is kept with its author. */
    @Transactional
    public FeedbackCase change(UUID workspaceId, UUID caseId, CaseChange change, String actor) {
        FeedbackCase current = get(workspaceId, caseId);
        if (change.ownerGiven() && change.owner() != null && !change.owner().equalsIgnoreCase(current.owner())) {
            String owner = change.owner().trim().toLowerCase(java.util.Locale.ROOT);
            boolean member = users.memberEmails(workspaceId).stream()
                    .anyMatch(e -> e.toLowerCase(java.util.Locale.ROOT).equals(owner));
            if (!member) {
                throw new InvalidInputException("owner", "must be the e-mail address of a member of this workspace");
            }
        }
        Instant now = now();
        FeedbackCase next = change.applyTo(current, now);
        cases.update(workspaceId, next);
        if (change.note() != null) {
            cases.addNote(caseId, new FeedbackCase.CaseNote(UUID.randomUUID(), actor, change.note(), now));
        }
        events.publishEvent(
                new CaseUpdated(workspaceId, caseId, current.responseId(), next.status(), next.owner(), now));
        return get(workspaceId, caseId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
