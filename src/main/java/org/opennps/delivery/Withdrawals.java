package org.opennps.delivery;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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

    /**
     * The claimed rows still wanted; the withdrawn ones are cancelled in {@code rows} (their
     * claim's attempt not counted), in the claiming transaction.
     */
    <T> List<T> keepWanted(List<T> claimed, Function<T, String> reference, Function<T, UUID> id, OutboxRows rows) {
        Set<String> withdrawn = of(claimed.stream().map(reference).toList());
        if (withdrawn.isEmpty()) {
            return claimed;
        }
        rows.withdrawClaimed(
                claimed.stream()
                        .filter(r -> withdrawn.contains(reference.apply(r)))
                        .map(id)
                        .toList(),
                CANCELLED);
        return claimed.stream()
                .filter(r -> !withdrawn.contains(reference.apply(r)))
                .toList();
    }
}
