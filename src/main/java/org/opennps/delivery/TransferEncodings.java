package org.opennps.delivery;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimePart;
import java.io.IOException;

/**
 * Chooses the transfer encoding of each text part of a message from the text itself, by the rule
 * Jakarta Mail applies: {@code 7bit} when every character is ASCII and no line is longer than 998
 * characters, {@code base64} when most of the bytes are not ASCII, {@code quoted-printable}
 * otherwise. Jakarta Mail makes the same choice while saving the message, but by writing the whole
 * part a byte at a time through a counting stream; a survey e-mail's 4 kB of HTML made that scan,
 * and the quoted-printable encoding its long lines then needed, most of the CPU of sending it.
 */
final class TransferEncodings {

    /** The longest line SMTP carries unencoded (RFC 5322, 2.1.1). */
    static final int MAX_LINE = 998;

    private TransferEncodings() {}

    /** The encoding for a text part holding {@code text} (sent as UTF-8). */
    static String of(String text) {
        long ascii = 0;
        long other = 0;
        int line = 0;
        boolean longLine = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                line = 0;
                ascii++;
            } else if (c < 0x80) {
                ascii++;
                if (++line > MAX_LINE) {
                    longLine = true;
                }
            } else {
                // the bytes the character takes in UTF-8; a surrogate pair is 4, 2 per half
                other += c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
                line++;
            }
        }
        if (other == 0) {
            return longLine ? "quoted-printable" : "7bit";
        }
        return other > ascii ? "base64" : "quoted-printable";
    }

    /**
     * Sets the transfer encoding of every body text part under {@code part} that has none yet; call it
     * after the content is set (setting content drops the header) and before the message is saved.
     */
    static void apply(MimePart part) throws MessagingException, IOException {
        if (part.getDisposition() != null) {
            return; // an attachment or inline resource: Jakarta Mail chooses, as before
        }
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child instanceof MimePart mime) {
                    apply(mime);
                }
            }
        } else if (content instanceof String text
                && part.isMimeType("text/*")
                && part.getHeader("Content-Transfer-Encoding") == null) {
            part.setHeader("Content-Transfer-Encoding", of(text));
        }
    }
}
