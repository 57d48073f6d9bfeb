package org.opennps.delighted;

import java.util.UUID;
import org.opennps.shared.InvalidInputException;

/** Person ids are OpenNPS contact ids (UUIDs) where Delighted has numbers. */
final class PersonIds {

    private PersonIds() {}

    /** The id, or empty for anything that is not one (such as Delighted's numeric ids). */
    static java.util.Optional<UUID> find(String text) {
        try {
            return java.util.Optional.of(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    static UUID parse(String field, String text) {
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "is not a person id of this account");
        }
    }
}
