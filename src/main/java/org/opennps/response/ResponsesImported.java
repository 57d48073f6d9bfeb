package org.opennps.response;

import java.util.List;
import java.util.UUID;

/**
 * A batch of responses from another system's history was stored: each with its full state, as
 * {@link ResponseRecorded} would carry it (marked imported). Published once per batch in the
 * transaction that stores them, and meant for synchronous listeners, which take the batch in
 * in that same transaction: the batch is counted together with its responses or not at all,
 * with a few statements instead of a few per response. Nothing that acts on live answers
 * (alerts, webhooks, campaigns) listens to it.
 */
public record ResponsesImported(UUID workspaceId, List<ResponseRecorded> responses) {

    public ResponsesImported {
        responses = List.copyOf(responses);
    }
}
