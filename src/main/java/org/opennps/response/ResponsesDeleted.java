package org.opennps.response;

import java.util.List;
import java.util.UUID;

/**
 * Responses are being deleted with their survey or campaign: published inside the deleting
 * transaction before the rows go, so modules that keep data about them (cases, analytics,
 * Delighted's tags and notes) remove it in the same transaction.
 */
public record ResponsesDeleted(UUID workspaceId, List<UUID> responseIds) {

    public ResponsesDeleted {
        responseIds = List.copyOf(responseIds);
    }
}
