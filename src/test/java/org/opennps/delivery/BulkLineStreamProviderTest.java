package org.opennps.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;

class BulkLineStreamProviderTest {

    @Test
    void aLineStreamWritesTheSameBytesAsAngusButInBulk() throws Exception {
        byte[] body = "<p>Hello</p>\r\n.dot at a line start\r\nZażółć\r\n".getBytes("UTF-8");
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        var angus = new MailStreamProvider().outputLineStream(theirs, true);
        angus.writeln("Content-Type: text/html");
        angus.write(body, 3, body.length - 3);

        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        AtomicInteger singleBytes = new AtomicInteger();
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                singleBytes.incrementAndGet();
                ours.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                ours.write(b, off, len);
            }
        };
        var bulk = new BulkLineStreamProvider().outputLineStream(counting, true);
        bulk.writeln("Content-Type: text/html");
        bulk.write(body, 3, body.length - 3);

        assertThat(ours.toByteArray()).isEqualTo(theirs.toByteArray());
        assertThat(singleBytes).hasValue(0);
    }

    @Test
    void theTransportNamesItAndAWholeMessageComesOutTheSame() throws Exception {
        new SmtpTransport(null); // its class names the provider unless the installation named one
        assertThat(System.getProperty(SmtpTransport.STREAM_PROVIDER)).isEqualTo(BulkLineStreamProvider.class.getName());
        assertThat(jakarta.mail.util.StreamProvider.provider()).isInstanceOf(BulkLineStreamProvider.class);

        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setSubject("How did we do?");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("0: https://nps.example/s/t?score=0\n.\nend\n", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Zażółć</p>\n", "text/html; charset=UTF-8");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        message.writeTo(written);
        String mime = written.toString("UTF-8");
        // every part whole: the SMTP connection's stream, not this one, turns line ends into CRLF
        assertThat(mime)
                .contains("7bit\r\n\r\n0: https://nps.example/s/t?score=0\n.\nend\n")
                .contains("quoted-printable\r\n\r\n<p>Za=C5=BC=C3=B3=C5=82=C4=87</p>")
                .endsWith("--\r\n");
    }
}
