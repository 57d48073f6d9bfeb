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

    /**
     * A session for a batch of e-mails sent one after another, with the same contract per e-mail
     * as {@link #send(QueuedEmail, Runnable)}. SMTP keeps one connection open across the batch;
     * by default each e-mail is sent on its own.
     */
    default Session open() {
        return new Session() {
            @Override
            public void send(QueuedEmail email, Runnable accepted) {
                MailTransport.this.send(email, accepted);
            }

            @Override
            public void close() {}
        };
    }

    /** Several e-mails over one connection; closing says goodbye to the server. */
    interface Session extends AutoCloseable {
        void send(QueuedEmail email, Runnable accepted);

        @Override
        void close();
    }

    /** Why an e-mail did not go, and whether trying again could help. */
    final class TransportException extends RuntimeException {
        private final boolean permanent;
        private final boolean bounced;
        private final boolean connectionLost;

        TransportException(String message, boolean permanent, Throwable cause) {
            this(message, permanent, false, false, cause);
        }

        /**
         * @param bounced the server refused the recipient permanently (5xx on RCPT TO): the
         *     address is undeliverable
         * @param connectionLost the server could not be reached or the connection failed; the
         *     rest of a batch should not try the same server at once
         */
        TransportException(
                String message, boolean permanent, boolean bounced, boolean connectionLost, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
            this.bounced = bounced;
            this.connectionLost = connectionLost;
        }

        boolean permanent() {
            return permanent;
        }

        boolean bounced() {
            return bounced;
        }

        boolean connectionLost() {
            return connectionLost;
        }
    }
}
