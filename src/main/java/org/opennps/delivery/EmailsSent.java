package org.opennps.delivery;

import java.util.List;

/**
 * E-mails of one outbox batch were handed to the SMTP server (or the dev mailbox), recorded
 * and announced together: one event for the batch, so its listeners can act on all of them in
 * one transaction. Each e-mail appears in exactly one such event.
 */
public record EmailsSent(List<EmailSent> emails) {
    public EmailsSent {
        emails = List.copyOf(emails);
    }
}
