package org.opennps.delivery;

import java.util.Map;
import java.util.UUID;

/** An outbox row as the dispatcher sends it. */
record QueuedEmail(
        UUID id,
        UUID workspaceId,
        String reference,
        String fromAddress,
        String fromName,
        String to,
        String subject,
        String text,
        String html,
        Map<String, String> headers,
        int attempts) {}
