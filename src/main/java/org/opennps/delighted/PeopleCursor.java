package org.opennps.delighted;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.opennps.contact.Contact;
import org.opennps.shared.InvalidInputException;

/** Where a page of people ended: the last person's creation time and id, opaque to clients. */
record PeopleCursor(Instant createdAt, UUID id) {

    static String of(Contact last) {
        Instant t = last.createdAt();
        String text = t.getEpochSecond() + "." + t.getNano() + "." + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static PeopleCursor parse(String pageInfo) {
        if (pageInfo == null || pageInfo.isBlank()) {
            return null;
        }
        try {
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(pageInfo.strip()), StandardCharsets.UTF_8).split("\\.", 3);
            return new PeopleCursor(
                    Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw new InvalidInputException("page_info", "is not a cursor from a Link header of this server");
        }
    }
}
