package org.opennps.contact;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.opennps.shared.JsonFields;

/**
 * What a caller says about a contact. Null fields leave stored values unchanged; in
 * {@code attributes} a null value removes that attribute.
 */
public record ContactInput(
        String externalId,
        String email,
        String phone,
        String name,
        String locale,
        String timeZone,
        Map<String, Object> attributes) {

    public static final int MAX_ATTRIBUTES = 100;
    public static final int MAX_ATTRIBUTE_LENGTH = 1000;
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().\\-/]{3,40}$");

    public ContactInput {
        attributes = attributes == null ? Map.of() : attributes;
    }

    /** Reads and validates a contact object; errors go to the fields' violation list. */
    public static ContactInput read(JsonFields f) {
        String externalId = f.string("external_id", 200, false);
        String email = f.email("email", false);
        String phone = f.string("phone", 40, false);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            f.reject("phone", "must be a phone number such as +48 600 100 200");
            phone = null;
        }
        ContactInput input = new ContactInput(
                externalId,
                email,
                phone,
                f.string("name", 200, false),
                f.locale("locale"),
                f.timeZone("time_zone"),
                f.scalarMap("attributes", MAX_ATTRIBUTES, MAX_ATTRIBUTE_LENGTH));
        if (externalId == null && email == null && !f.has("external_id") && !f.has("email")) {
            f.reject("external_id", "external_id or email is required");
        }
        return input;
    }

    /** The identity that upserts match on: external id first, else e-mail. */
    String key() {
        return externalId != null ? "x:" + externalId : "e:" + email;
    }

    /** This input followed by a later one about the same person: later values win. */
    ContactInput then(ContactInput later) {
        Map<String, Object> merged = new LinkedHashMap<>(attributes);
        merged.putAll(later.attributes);
        return new ContactInput(
                externalId != null ? externalId : later.externalId,
                later.email != null ? later.email : email,
                later.phone != null ? later.phone : phone,
                later.name != null ? later.name : name,
                later.locale != null ? later.locale : locale,
                later.timeZone != null ? later.timeZone : timeZone,
                merged);
    }
}
