package org.opennps.delivery;

/** Where outbox e-mails go: an SMTP server, or the dev mailbox. Tests replace it. */
interface MailTransport {

    /**
     * Hands the e-mail over and runs {@code accepted} as soon as the server took it — before
     * anything else, such as closing the SMTP session — so the window in which the e-mail is
     * sent but not yet recorded as sent is as short as possible. Throws
     * {@link TransportException} when it did not go; an exception of {@code accepted} passes
     * through unchanged. Must be safe to call again for the same e-mail after a crash (the dev
     * mailbox keeps one copy; SMTP servers see the same Message-ID).
     */
    void send(QueuedEmail email, Runnable accepted);

    default void send(QueuedEmail email) {
        send(email, () -> {});
    }

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
