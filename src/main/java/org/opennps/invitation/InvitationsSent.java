package org.opennps.invitation;

import java.util.List;

/**
 * Invitations of one batch of sent e-mails went out, announced together (each of them also
 * counts as an {@link InvitationSent}); listeners can act on the batch in one transaction.
 */
public record InvitationsSent(List<InvitationSent> invitations) {
    public InvitationsSent {
        invitations = List.copyOf(invitations);
    }
}
