package org.opennps.delivery;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the outbox knows about messages other modules queued, by reference: which are parked
 * with an unknown outcome (an attempt whose result nobody knows, held for an operator), so the
 * invitation they carry is not shown as merely scheduled.
 */
@Service
public class OutboxStatuses {

    private final JdbcClient jdbc;

    OutboxStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The references among these whose e-mail or webhook is parked {@code unknown}; one query each. */
    public Set<String> parkedUnknown(UUID workspaceId, Collection<String> references) {
        Set<String> parked = new HashSet<>();
        if (references.isEmpty()) {
            return parked;
        }
        String[] refs = references.toArray(String[]::new);
        for (String table : new String[] {"outgoing_email", "outgoing_webhook"}) {
            parked.addAll(jdbc.sql("select reference from " + table
                            + " where workspace_id = ? and status = 'unknown' and reference = any(?)")
                    .params(workspaceId, refs)
                    .query(String.class)
                    .list());
        }
        return parked;
    }
}
