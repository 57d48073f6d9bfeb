package org.opennps.invitation;

import java.util.List;
import java.util.UUID;

/**
 * Invitations are being deleted with their survey or campaign: published inside the deleting
 * transaction before the rows go, so modules that keep data about them (the widget's displays)
 * remove it in the same transaction. Their queued e-mails and webhook posts are cancelled already.
 */
public record InvitationsDeleted(UUID workspaceId, List<UUID> invitationIds) {

    public InvitationsDeleted {
        invitationIds = List.copyOf(invitationIds);
    }
}
