package org.opennps.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * How an SMTP outcome is classified: permanent failures (the address was refused, the message
 * cannot be built) are not retried; everything else (server down, timeouts, authentication) is.
 */
class SmtpTransportTest {

    private static QueuedEmail email(String from, String to) {
        return new QueuedEmail(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "ref-1",
                from,
                "Shop",
                to,
                "How did we do?",
                "text",
                "<p>html</p>",
                Map.of("List-Unsubscribe", "<https://nps.example/u>"),
                0);
    }

    /** A queued e-mail with these parts and no headers (no HTML part when {@code html} is null). */
    private static QueuedEmail email(String fromName, String text, String html) {
        QueuedEmail email = email("shop@example.com", "ann@example.com");
        return new QueuedEmail(
                email.id(),
                email.workspaceId(),
                email.reference(),
                email.fromAddress(),
                fromName,
                email.to(),
                email.subject(),
                text,
                html,
                Map.of(),
                0);
    }

    private static MailTransport.TransportException failure(JavaMailSender sender, QueuedEmail email) {
        AtomicBoolean accepted = new AtomicBoolean();
        MailTransport.TransportException e =
                (MailTransport.TransportException) org.assertj.core.api.Assertions.catchThrowable(
                        () -> new SmtpTransport(sender).send(email, () -> accepted.set(true)));
        assertThat(e).as("a TransportException").isNotNull();
        assertThat(accepted).as("accepted callback").isFalse();
        return e;
    }

    @Test
    void anAcceptedMessageRunsTheCallbackOnce() {
        var sent = new java.util.ArrayList<MimeMessage>();
        AtomicBoolean accepted = new AtomicBoolean();
        new SmtpTransport(sender(sent::add)).send(email("shop@example.com", "ann@example.com"), () -> {
            assertThat(accepted.getAndSet(true)).isFalse();
        });
        assertThat(accepted).isTrue();
        assertThat(sent).hasSize(1);
    }

    @Test
    void aRecipientTheServerRefusedIsPermanent() throws Exception {
        InternetAddress refused = new InternetAddress("gone@example.com");
        JavaMailSender sender = sender(message -> {
            throw new MailSendException(Map.of(
                    message,
                    new SendFailedException(
                            "550 no such user",
                            null,
                            new InternetAddress[0],
                            new InternetAddress[0],
                            new InternetAddress[] {refused})));
        });
        assertThat(failure(sender, email("shop@example.com", "gone@example.com"))
                        .permanent())
                .isTrue();
    }

    @Test
    void aSendFailureWithoutARefusedAddressIsRetried() {
        JavaMailSender sender = sender(message -> {
            throw new MailSendException(Map.of(message, new SendFailedException("451 try later")));
        });
        assertThat(failure(sender, email("shop@example.com", "ann@example.com")).permanent())
                .isFalse();
    }

    @Test
    void anAuthenticationFailureIsRetried() {
        JavaMailSender sender = sender(message -> {
            throw new MailAuthenticationException("535 bad credentials");
        });
        MailTransport.TransportException e = failure(sender, email("shop@example.com", "ann@example.com"));
        assertThat(e.permanent()).isFalse();
        assertThat(e.getMessage()).startsWith("SMTP error");
    }

    @Test
    void aMessageThatCannotBeBuiltIsPermanentAndNothingIsSent() {
        var sent = new java.util.ArrayList<MimeMessage>();
        MailTransport.TransportException e = failure(sender(sent::add), email("shop@example.com", "<ann@example.com"));
        assertThat(e.permanent()).isTrue();
        assertThat(e.getMessage()).startsWith("unusable message");
        assertThat(sent).isEmpty();
    }

    @Test
    void anUnreachableServerIsRetried() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(closed);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        MailTransport.TransportException e = failure(sender, email("shop@example.com", "ann@example.com"));
        assertThat(e.permanent()).isFalse();
        assertThat(e.getMessage()).startsWith("SMTP refused or unreachable");
    }

    @Test
    void theOutboxHeadersAndTheSenderNameGoOnTheMessage() throws Exception {
        var sent = new java.util.ArrayList<MimeMessage>();
        new SmtpTransport(sender(sent::add)).send(email("shop@example.com", "ann@example.com"), () -> {});
        MimeMessage message = sent.getFirst();
        assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<https://nps.example/u>");
        assertThat(message.getFrom()[0].toString()).isEqualTo("Shop <shop@example.com>");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("ann@example.com");
    }

    @Test
    void overSmtpTheServerGetsOneMessageWithTheOutboxIdAsMessageIdAndBothParts() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var server = new com.icegreen.greenmail.util.GreenMail(
                new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
        server.start();
        try {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(port);
            sender.setUsername("");
            sender.setPassword("");
            QueuedEmail email = email("shop@example.com", "ann@example.com");
            AtomicBoolean accepted = new AtomicBoolean();
            new SmtpTransport(sender).send(email, () -> accepted.set(true));

            assertThat(accepted).isTrue();
            MimeMessage[] received = server.getReceivedMessages();
            assertThat(received).hasSize(1);
            MimeMessage message = received[0];
            assertThat(message.getHeader("Message-ID")).containsExactly("<" + email.id() + "@opennps>");
            assertThat(message.getHeader("List-Unsubscribe")).containsExactly("<https://nps.example/u>");
            assertThat(message.getSentDate()).isNotNull();
            assertThat(message.getSubject()).isEqualTo("How did we do?");
            String raw =
                    new String(message.getRawInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(message.getContentType()).startsWith("multipart/");
            assertThat(raw).contains("text/plain").contains("text/html");
        } finally {
            server.stop();
        }
    }

    @Test
    void aTextOnlyEmailIsOnePlainPart() throws Exception {
        var sent = new java.util.ArrayList<MimeMessage>();
        QueuedEmail textOnly = email(null, "just text", null);
        new SmtpTransport(sender(sent::add)).send(textOnly, () -> {});
        MimeMessage message = sent.getFirst();
        message.saveChanges();
        assertThat(message.isMimeType("text/plain")).isTrue();
        assertThat(message.getContent()).isEqualTo("just text");
        assertThat(message.getFrom()[0].toString()).isEqualTo("shop@example.com");
    }

    @Test
    void eachTextPartGetsTheEncodingItsTextNeedsAndReadsBackUnchanged() throws Exception {
        String html = "<p>How did we do?</p>\n" + "<a href=\"https://nps.example/s/x?score=1\">1</a>\n".repeat(11);
        String german = "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen? Größe, Grüße.";
        String greek = "Πόσο πιθανό είναι να μας προτείνετε σε έναν φίλο;";
        String longLine = "x".repeat(TransferEncodings.MAX_LINE + 1);
        assertThat(TransferEncodings.of(html)).isEqualTo("7bit");
        assertThat(TransferEncodings.of("x".repeat(TransferEncodings.MAX_LINE) + "\r\n" + "y"))
                .isEqualTo("7bit");
        assertThat(TransferEncodings.of(longLine)).isEqualTo("quoted-printable");
        assertThat(TransferEncodings.of(german)).isEqualTo("quoted-printable");
        assertThat(TransferEncodings.of(greek)).isEqualTo("base64");
        assertThat(TransferEncodings.of("")).isEqualTo("7bit");

        for (String[] parts : new String[][] {{german, html}, {greek, longLine}, {"plain", "<p>" + greek + "</p>"}}) {
            var sent = new java.util.ArrayList<MimeMessage>();
            QueuedEmail queued = email("Shop", parts[0], parts[1]);
            new SmtpTransport(sender(sent::add)).send(queued, () -> {});
            MimeMessage built = sent.getFirst();
            assertThat(leaves(built).stream()
                            .map(part -> header(part, "Content-Transfer-Encoding"))
                            .toList())
                    .as("chosen before Jakarta Mail saves the message, so it does not scan the parts again")
                    .containsExactly(TransferEncodings.of(parts[0]), TransferEncodings.of(parts[1]));
            built.saveChanges();
            var bytes = new java.io.ByteArrayOutputStream();
            built.writeTo(bytes);
            MimeMessage read = new MimeMessage(
                    Session.getInstance(new Properties()), new java.io.ByteArrayInputStream(bytes.toByteArray()));
            var found = new java.util.LinkedHashMap<String, String>();
            for (jakarta.mail.internet.MimePart part : leaves(read)) {
                found.put(
                        part.getContentType().replaceAll(";.*", "").strip().toLowerCase(), (String) part.getContent());
            }
            assertThat(found).containsEntry("text/plain", parts[0]).containsEntry("text/html", parts[1]);
            String raw = bytes.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(raw)
                    .contains("Content-Transfer-Encoding: " + TransferEncodings.of(parts[0]))
                    .contains("Content-Transfer-Encoding: " + TransferEncodings.of(parts[1]));
            assertThat(raw.lines()).allMatch(line -> line.length() <= TransferEncodings.MAX_LINE);
        }
    }

    /** The parts of a message that hold content rather than other parts, in order. */
    private static java.util.List<jakarta.mail.internet.MimePart> leaves(jakarta.mail.internet.MimePart part)
            throws Exception {
        if (!(part.getContent() instanceof jakarta.mail.Multipart multipart)) {
            return java.util.List.of(part);
        }
        var found = new java.util.ArrayList<jakarta.mail.internet.MimePart>();
        for (int i = 0; i < multipart.getCount(); i++) {
            found.addAll(leaves((jakarta.mail.internet.MimePart) multipart.getBodyPart(i)));
        }
        return found;
    }

    private static String header(jakarta.mail.internet.MimePart part, String name) {
        try {
            return part.getHeader(name, null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sender that is not Spring's implementation: SmtpTransport goes through {@code send}. */
    private static JavaMailSender sender(Consumer<MimeMessage> send) {
        return new JavaMailSender() {
            private final Session session = Session.getInstance(new Properties());

            @Override
            public MimeMessage createMimeMessage() {
                return new MimeMessage(session);
            }

            @Override
            public MimeMessage createMimeMessage(InputStream contentStream) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void send(MimeMessage... mimeMessages) {
                for (MimeMessage m : mimeMessages) {
                    send.accept(m);
                }
            }

            @Override
            public void send(SimpleMailMessage... simpleMessages) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
