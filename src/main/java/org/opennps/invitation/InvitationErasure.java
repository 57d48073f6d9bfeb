package org.opennps.invitation;

import org.opennps.contact.ContactErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Forgets an erased person's invitations in the erasing transaction; counts stay. */
@Component
class InvitationErasure {

    private final InvitationRepository invitations;

    InvitationErasure(InvitationRepository invitations) {
        this.invitations = invitations;
    }

    @EventListener
    void on(ContactErased event) {
        invitations.erase(event.workspaceId(), event.contactId());
    }
}
