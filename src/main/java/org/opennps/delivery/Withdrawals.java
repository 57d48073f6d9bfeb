package org.opennps.delivery;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Asks every {@link OutboxWithdrawals} about a claimed batch. */
@Component
class Withdrawals {

    static final String CANCELLED = "cancelled: what it was queued for was deleted";

    private final ObjectProvider<OutboxWithdrawals> modules;

    Withdrawals(ObjectProvider<OutboxWithdrawals> modules) {
        this.modules = modules;
    }

    /** The references among these that no module wants sent any more. */
    Set<String> of(Collection<String> references) {
        Set<String> withdrawn = new HashSet<>();
        if (!references.isEmpty()) {
            modules.orderedStream().forEach(m -> withdrawn.addAll(m.withdrawn(references)));
        }
        return withdrawn;
    }
}
