package org.opennps.invitation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opennps.delivery.EmailFailed;
import org.opennps.delivery.EmailSent;
import org.opennps.delivery.EmailsSent;
import org.opennps.delivery.WebhookDelivered;
import org.opennps.delivery.WebhookFailed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Moves invitations to sent or failed when the outbox reports on the e-mail or webhook queued
 * under {@link InvitationService#outboxReference}, whichever module queued it.
 */
@Component
class InvitationOutcomes {

    private final InvitationService invitations;

    InvitationOutcomes(InvitationService invitations) {
        this.invitations = invitations;
    }

    /** A batch of sent e-mails moves their invitations in one transaction. */
    @ApplicationModuleListener
    void on(EmailsSent batch) {
        Map<UUID, UUID> workspaceByInvitation = new LinkedHashMap<>();
        for (EmailSent sent : batch.emails()) {
            InvitationService.invitationOf(sent.reference())
                    .ifPresent(id -> workspaceByInvitation.put(id, sent.workspaceId()));
        }
        invitations.markSent(workspaceByInvitation);
    }

    @ApplicationModuleListener
    void on(EmailFailed failed) {
        invitationOf(failed.reference(), failed.workspaceId())
                .ifPresent(id -> invitations.markFailed(failed.workspaceId(), id, failed.reason()));
    }

    @ApplicationModuleListener
    void on(WebhookDelivered delivered) {
        invitationOf(delivered.reference(), delivered.workspaceId())
                .ifPresent(id -> invitations.markSent(delivered.workspaceId(), id));
    }

    @ApplicationModuleListener
    void on(WebhookFailed failed) {
        invitationOf(failed.reference(), failed.workspaceId())
                .ifPresent(id -> invitations.markFailed(failed.workspaceId(), id, failed.reason()));
    }

    /**
     * The invitation of a report, if it still exists: one deleted with its campaign or survey
     * while its message was on its way has nothing left to move.
     */
    private Optional<UUID> invitationOf(String reference, UUID workspaceId) {
        return InvitationService.invitationOf(reference)
                .filter(id -> invitations.find(workspaceId, id).isPresent());
    }
}
