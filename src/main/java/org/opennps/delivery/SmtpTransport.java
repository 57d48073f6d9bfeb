package org.opennps.delivery;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends over SMTP through Spring's {@link JavaMailSender} ({@code spring.mail.*}). */
class SmtpTransport implements MailTransport {

    /**
     * Jakarta Mail looks its stream provider up anew for every body part it writes; without a
     * name to load, that is a service-loader scan of the application's class path per part, most
     * of the CPU an e-mail costs inside the packaged jar. Naming the provider (unless the
     * installation named one) turns it into a class already loaded; the one named also hands the
     * body parts' bytes on in bulk ({@link BulkLineStreamProvider}).
     */
    static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, BulkLineStreamProvider.class.getName());
        }
    }

    /**
     * The file-type map of attachments, made once: Spring's helper otherwise builds one for every
     * message (reading the MIME type tables from the class path each time), and survey e-mails
     * have no attachments to type anyway.
     */
    private static final FileTypeMap FILE_TYPES = fileTypes();

    private final JavaMailSender sender;

    private static FileTypeMap fileTypes() {
        ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
        types.afterPropertiesSet();
        return types;
    }

    SmtpTransport(JavaMailSender sender) {
        this.sender = sender;
    }

    /**
     * Connects, sends, runs {@code accepted} once the server answered the message's data with
     * 250, and only then says goodbye (QUIT): a crash while closing the session cannot leave an
     * accepted e-mail unrecorded.
     */
    @Override
    public void send(QueuedEmail email, Runnable accepted) {
        MimeMessage message;
        try {
            message = build(email);
        } catch (MailParseException | MailPreparationException e) {
            throw new TransportException("unusable message: " + e.getMessage(), true, e);
        }
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            sendThroughSender(message);
            accepted.run();
            return;
        }
        Transport transport = null;
        try {
            transport = connect(impl);
            if (message.getSentDate() == null) {
                message.setSentDate(new java.util.Date());
            }
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
        } catch (SendFailedException e) {
            close(transport);
            throw refused(e);
        } catch (MessagingException e) {
            close(transport);
            throw new TransportException("SMTP refused or unreachable: " + e.getMessage(), false, false, true, e);
        }
        try {
            accepted.run();
        } finally {
            close(transport);
        }
    }

    /**
     * One connection for a batch: connected on the first e-mail, {@code RSET} before each further
     * one (a clean transaction whatever the last one left), reconnected after a failure, closed
     * with {@code QUIT} at the end. Every e-mail is still recorded the moment the server accepted it.
     */
    @Override
    public Session open() {
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            return MailTransport.super.open();
        }
        return new Session() {
            private Transport transport;
            private boolean used;

            @Override
            public void send(QueuedEmail email, Runnable accepted) {
                MimeMessage message;
                try {
                    message = build(email);
                } catch (MailParseException | MailPreparationException e) {
                    throw new TransportException("unusable message: " + e.getMessage(), true, e);
                }
                try {
                    ready(impl);
                    if (message.getSentDate() == null) {
                        message.setSentDate(new java.util.Date());
                    }
                    message.saveChanges();
                    transport.sendMessage(message, message.getAllRecipients());
                    used = true;
                } catch (SendFailedException e) {
                    used = true;
                    throw refused(e);
                } catch (MessagingException e) {
                    close();
                    throw new TransportException(
                            "SMTP refused or unreachable: " + e.getMessage(), false, false, true, e);
                }
                accepted.run();
            }

            /** Connected and in a clean state for the next message. */
            private void ready(JavaMailSenderImpl impl) throws MessagingException {
                if (transport != null && used) {
                    try {
                        if (transport instanceof SMTPTransport smtp) {
                            smtp.issueCommand("RSET", 250);
                        }
                    } catch (MessagingException e) {
                        close();
                    }
                }
                if (transport == null || !transport.isConnected()) {
                    close();
                    transport = connect(impl);
                    used = false;
                }
            }

            @Override
            public void close() {
                SmtpTransport.close(transport);
                transport = null;
                used = false;
            }
        };
    }

    private static Transport connect(JavaMailSenderImpl impl) throws MessagingException {
        Transport transport = impl.getSession().getTransport(impl.getProtocol() == null ? "smtp" : impl.getProtocol());
        String username = "".equals(impl.getUsername()) ? null : impl.getUsername();
        String password = username == null && "".equals(impl.getPassword()) ? null : impl.getPassword();
        transport.connect(impl.getHost(), impl.getPort(), username, password);
        return transport;
    }

    /**
     * A refused recipient: a 5xx reply to RCPT TO is permanent (the address bounced), a 4xx one
     * (mailbox busy, greylisting) is worth another try later.
     */
    static TransportException refused(SendFailedException e) {
        int code = rcptCode(e);
        boolean invalid = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
        if (code >= 500 || (code < 0 && invalid)) {
            return new TransportException("SMTP refused the recipient: " + e.getMessage(), true, true, false, e);
        }
        return new TransportException("SMTP deferred: " + e.getMessage(), false, false, false, e);
    }

    /** The server's reply code to RCPT TO in the exception chain, or -1 when it has none. */
    private static int rcptCode(MessagingException e) {
        Exception next = e;
        for (int depth = 0; next != null && depth < 10; depth++) {
            if (next instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode();
            }
            next = next instanceof MessagingException m ? m.getNextException() : null;
        }
        return -1;
    }

    private void sendThroughSender(MimeMessage message) {
        try {
            sender.send(message);
        } catch (MailSendException e) {
            throw new TransportException("SMTP refused or unreachable: " + e.getMessage(), refusedAddress(e), e);
        } catch (MailException e) {
            throw new TransportException("SMTP error: " + e.getMessage(), false, e);
        }
    }

    private static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // the message's outcome is known already; a failed QUIT changes nothing
            }
        }
    }

    private MimeMessage build(QueuedEmail email) {
        try {
            MimeMessage message = newMessage(email);
            boolean multipart = email.html() != null;
            MimeMessageHelper helper = new MimeMessageHelper(message, multipart, "UTF-8") {
                @Override
                protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                    return FILE_TYPES;
                }
            };
            helper.setFrom(email.fromAddress(), email.fromName() == null ? "" : email.fromName());
            helper.setTo(email.to());
            helper.setSubject(email.subject());
            if (multipart) {
                helper.setText(email.text(), email.html());
            } else {
                helper.setText(email.text());
            }
            for (Map.Entry<String, String> header : email.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            TransferEncodings.apply(message);
            return message;
        } catch (MessagingException | IOException e) {
            throw new MailPreparationException(e.getMessage(), e);
        }
    }

    /**
     * A message with a Message-ID derived from the outbox id, so a copy re-sent after a crash
     * carries the same id and receiving servers can recognise it.
     */
    private MimeMessage newMessage(QueuedEmail email) {
        String messageId = "<" + email.id() + "@opennps>";
        if (sender instanceof JavaMailSenderImpl impl) {
            return new MimeMessage(impl.getSession()) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
        }
        return sender.createMimeMessage();
    }

    private static boolean refusedAddress(MailSendException e) {
        return e.getFailedMessages().values().stream()
                .anyMatch(cause -> cause instanceof SendFailedException sfe
                        && sfe.getInvalidAddresses() != null
                        && sfe.getInvalidAddresses().length > 0);
    }
}
