package org.opennps.delivery;

/** Where outbox e-mails go: an SMTP server, or the dev mailbox. Tests replace it. */
interface MailTransport {

    /**
     * Hands the e-mail over; throws {@link TransportException} when it did not go. Must be safe
     * to call again for the same e-mail after a crash (the dev mailbox keeps one copy; SMTP
     * servers see the same Message-ID).
     */
    void send(QueuedEmail email);

    /** Why an e-mail did not go, and whether trying again could help. */
    final class TransportException extends RuntimeException {
        private final boolean permanent;

        TransportException(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        boolean permanent() {
            return permanent;
        }
    }
}
