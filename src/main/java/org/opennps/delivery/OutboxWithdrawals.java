package org.opennps.delivery;

import java.util.Collection;
import java.util.Set;

/**
 * Implemented by a module whose queued messages can lose their purpose while they wait (an
 * invitation deleted with its campaign or survey). The outbox asks it about every batch it
 * claims, in the claiming transaction, and cancels the rows it names instead of sending them: so
 * a row queued again after a node stopped mid-send, or one the module could not cancel itself,
 * still never goes out for something that is gone.
 */
public interface OutboxWithdrawals {

    /**
     * Of these references (any workspace, any module), those whose message must not be sent any
     * more; references of other modules are left alone. Called once per claimed batch.
     */
    Set<String> withdrawn(Collection<String> references);
}
