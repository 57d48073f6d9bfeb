package org.opennps.delighted;

import java.util.UUID;
import org.opennps.shared.InvalidInputException;

/** Person ids are OpenNPS contact ids (UUIDs) where Delighted has numbers. */
final class PersonIds {

    private PersonIds() {}

    static UUID parse(String field, String text) {
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "is not a person id of this account");
        }
    }
}
