package org.opennps.invitation;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opennps.contact.ContactInput;
import org.opennps.delivery.OutboxStatuses;
import org.opennps.shared.Coded;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import org.opennps.shared.PageResult;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class InvitationController {

    private final InvitationService invitations;
    private final OutboxStatuses outbox;

    InvitationController(InvitationService invitations, OutboxStatuses outbox) {
        this.invitations = invitations;
        this.outbox = outbox;
    }

    /** A personal survey link for one contact: {@code {"survey_id":…,"contact":{…}}}. */
    @PostMapping("/api/v1/invitations")
    ResponseEntity<InvitationView> create(WorkspaceAccess access, @RequestBody JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields f = JsonFields.of(body, "", violations);
        UUID surveyId = uuid(f, "survey_id");
        JsonFields contact = f.object("contact", true);
        ContactInput input = contact == null ? null : ContactInput.read(contact);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        Invitation invitation = invitations.personalLink(access.workspaceId(), surveyId, input);
        return ResponseEntity.created(URI.create("/api/v1/invitations/" + invitation.id()))
                .body(view(invitation));
    }

    @GetMapping("/api/v1/invitations/{id}")
    InvitationView get(WorkspaceAccess access, @PathVariable UUID id) {
        Invitation invitation = invitations.get(access.workspaceId(), id);
        return view(invitation, parked(access.workspaceId(), java.util.List.of(invitation)));
    }

    @GetMapping("/api/v1/invitations")
    PageResult<InvitationView> list(
            WorkspaceAccess access,
            @RequestParam(name = "contact_id", required = false) UUID contactId,
            @RequestParam(name = "campaign_id", required = false) UUID campaignId,
            @RequestParam(required = false) InvitationStatus status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        InvitationFilter filter = new InvitationFilter(contactId, campaignId, status);
        PageResult<Invitation> found =
                invitations.list(access.workspaceId(), filter, PageResult.Request.of(page, size));
        java.util.Set<String> parked = parked(access.workspaceId(), found.items());
        return found.map(i -> view(i, parked));
    }

    /**
     * Outbox references of the scheduled invitations whose message is parked with an unknown
     * outcome: shown as {@code unknown} rather than {@code scheduled}, so nobody waits for it.
     */
    private java.util.Set<String> parked(UUID workspaceId, java.util.List<Invitation> listed) {
        return outbox.parkedUnknown(
                workspaceId,
                listed.stream()
                        .filter(i -> i.status() == InvitationStatus.SCHEDULED)
                        .map(i -> InvitationService.outboxReference(i.id()))
                        .toList());
    }

    private InvitationView view(Invitation i) {
        return view(i, java.util.Set.of());
    }

    private InvitationView view(Invitation i, java.util.Set<String> parked) {
        boolean unknown = parked.contains(InvitationService.outboxReference(i.id()));
        String url = invitations.linkOf(i).orElse(null);
        return new InvitationView(
                i.id(),
                i.surveyId(),
                i.contactId(),
                i.campaignId(),
                i.journeyId(),
                i.channel(),
                unknown ? InvitationView.Status.UNKNOWN : InvitationView.Status.of(i.status()),
                unknown ? "delivery outcome unknown; held for review" : i.reason(),
                url,
                i.createdAt(),
                i.sentAt(),
                i.openedAt(),
                i.respondedAt(),
                i.expiresAt());
    }

    private static UUID uuid(JsonFields f, String name) {
        String text = f.string(name, 36, true);
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            f.reject(name, "must be a UUID");
            return null;
        }
    }

    /** An invitation as the API shows it, with its survey link. */
    record InvitationView(
            UUID id,
            UUID surveyId,
            UUID contactId,
            UUID campaignId,
            UUID journeyId,
            Channel channel,
            Status status,
            String reason,
            String url,
            Instant createdAt,
            Instant sentAt,
            Instant openedAt,
            Instant respondedAt,
            Instant expiresAt) {

        /**
         * What the API shows as an invitation's status: its stored {@link InvitationStatus}, or
         * {@code unknown}, which is never stored: a scheduled invitation whose e-mail the outbox
         * parked with an unknown outcome.
         */
        enum Status implements Coded {
            SCHEDULED,
            SENT,
            OPENED,
            RESPONDED,
            EXPIRED,
            SUPPRESSED,
            FAILED,
            UNKNOWN;

            @Override
            public String toString() {
                return code();
            }

            static Status of(InvitationStatus stored) {
                return valueOf(stored.name());
            }
        }
    }
}
