package org.opennps.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * An SMTP server on a free local port that the test contexts send their e-mail to
 * ({@code spring.mail.port} from {@link TestMailEnvironment}). Tests stop and start it to play "SMTP down".
 */
public class TestMailServer {

    private final int port;
    private GreenMail greenMail;

    TestMailServer(int port) {
        this.port = port;
    }

    public synchronized void start() {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
    }

    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public synchronized boolean running() {
        return greenMail != null;
    }

    public int port() {
        return port;
    }

    /** Messages received (since the last start) with {@code address} among their recipients. */
    public synchronized List<MimeMessage> to(String address) {
        if (greenMail == null) {
            return List.of();
        }
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .toList();
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            var all = message.getRecipients(Message.RecipientType.TO);
            return all == null
                    ? List.of()
                    : Arrays.stream(all).map(Object::toString).toList();
        } catch (MessagingException e) {
            return List.of();
        }
    }
}
