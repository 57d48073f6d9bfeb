package org.opennps.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Map;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends over SMTP through Spring's {@link JavaMailSender} ({@code spring.mail.*}). */
class SmtpTransport implements MailTransport {

    private final JavaMailSender sender;

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
            transport = impl.getSession().getTransport(impl.getProtocol() == null ? "smtp" : impl.getProtocol());
            String username = "".equals(impl.getUsername()) ? null : impl.getUsername();
            String password = username == null && "".equals(impl.getPassword()) ? null : impl.getPassword();
            transport.connect(impl.getHost(), impl.getPort(), username, password);
            if (message.getSentDate() == null) {
                message.setSentDate(new java.util.Date());
            }
            message.saveChanges();
            transport.sendMessage(message, message.getAllRecipients());
        } catch (SendFailedException e) {
            close(transport);
            boolean refused = e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            throw new TransportException("SMTP refused: " + e.getMessage(), refused, e);
        } catch (MessagingException e) {
            close(transport);
            throw new TransportException("SMTP refused or unreachable: " + e.getMessage(), false, e);
        }
        try {
            accepted.run();
        } finally {
            close(transport);
        }
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
            MimeMessageHelper helper = new MimeMessageHelper(message, multipart, "UTF-8");
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
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
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
