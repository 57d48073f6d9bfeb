package org.opennps.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
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

    @Override
    public void send(QueuedEmail email) {
        try {
            sender.send(build(email));
        } catch (MailParseException | MailPreparationException e) {
            throw new TransportException("unusable message: " + e.getMessage(), true, e);
        } catch (MailSendException e) {
            throw new TransportException("SMTP refused or unreachable: " + e.getMessage(), refusedAddress(e), e);
        } catch (MailException e) {
            throw new TransportException("SMTP error: " + e.getMessage(), false, e);
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
