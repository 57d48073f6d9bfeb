package org.opennps.team;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The decoded text of every part of a received e-mail, for assertions. */
public final class MailText {

    private MailText() {}

    public static String of(Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    all.append(of(multipart.getBodyPart(i)));
                }
                return all.toString();
            }
            return content.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
