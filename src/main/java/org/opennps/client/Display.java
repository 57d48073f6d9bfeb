package org.opennps.client;

import java.time.Instant;
import java.util.UUID;

/** One survey handed to the widget or an app, and what became of it. */
record Display(
        UUID id,
        UUID workspaceId,
        UUID invitationId,
        UUID surveyId,
        UUID contactId,
        String externalId,
        String locale,
        String status,
        Instant shownAt,
        Instant dismissedAt,
        Instant answeredAt) {

    static final String OFFERED = "offered";
    static final String SHOWN = "shown";
    static final String DISMISSED = "dismissed";
    static final String ANSWERED = "answered";
}
