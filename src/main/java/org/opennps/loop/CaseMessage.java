package org.opennps.loop;

import java.time.Instant;
import java.util.UUID;

/**
 * One message of a case's conversation with the customer.
 *
 * @param direction {@code out} for a reply sent from the case, {@code in} for the customer's
 *     answer as an agent logged it
 * @param author the agent who wrote or logged it
 * @param emailId the outbox e-mail of a reply
 */
public record CaseMessage(
        UUID id,
        UUID caseId,
        String direction,
        String author,
        String subject,
        String body,
        UUID emailId,
        Instant createdAt) {

    public static final String OUT = "out";
    public static final String IN = "in";
}
