package org.opennps.invitation;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opennps.delivery.OutboxWithdrawals;
import org.springframework.stereotype.Component;

/**
 * An e-mail or webhook post queued for an invitation that no longer exists is never sent: its
 * link would open nothing, and its campaign or survey was deleted on purpose. Deleting cancels
 * what is queued; this catches what was being sent then and is queued again after its node stopped.
 */
@Component
class InvitationWithdrawals implements OutboxWithdrawals {

    private final InvitationRepository invitations;

    InvitationWithdrawals(InvitationRepository invitations) {
        this.invitations = invitations;
    }

    @Override
    public Set<String> withdrawn(Collection<String> references) {
        Map<UUID, String> ours = new HashMap<>();
        for (String reference : references) {
            InvitationService.invitationOf(reference).ifPresent(id -> ours.put(id, reference));
        }
        Set<String> withdrawn = new HashSet<>();
        if (ours.isEmpty()) {
            return withdrawn;
        }
        Set<UUID> existing = invitations.existing(ours.keySet());
        ours.forEach((id, reference) -> {
            if (!existing.contains(id)) {
                withdrawn.add(reference);
            }
        });
        return withdrawn;
    }
}
