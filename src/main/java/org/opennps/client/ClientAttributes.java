package org.opennps.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opennps.contact.Contact;
import org.opennps.contact.ContactService;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which contact attributes the public key may set. Only names the workspace lists as
 * client-writable, never a reserved one (contact details, Delighted's e-mail properties, names
 * of the server), and never over a value the server set: the value the client API last wrote is
 * kept, and an attribute whose stored value differs from it (or that exists without one) was
 * set by the server and stays as it is.
 */
@Component
class ClientAttributes {

    static final int MAX_WRITABLE = 50;
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$");
    private static final Set<String> RESERVED = Set.of(
            "email",
            "phone",
            "name",
            "external_id",
            "locale",
            "time_zone",
            "language",
            "unsubscribed",
            "unsubscribed_at",
            "bounced",
            "bounced_at",
            "user_hash",
            "anonymous_id",
            "id",
            "created_at",
            "updated_at");
    private static final List<String> RESERVED_PREFIXES = List.of("delighted_", "opennps_", "email_", "mail_");
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ContactService contacts;
    private final JsonMapper json;

    ClientAttributes(JdbcClient jdbc, ContactService contacts, JsonMapper json) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.json = json;
    }

    /** Whether no workspace may ever let the client API set this name. */
    static boolean reserved(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return RESERVED.contains(lower) || RESERVED_PREFIXES.stream().anyMatch(lower::startsWith);
    }

    List<String> writable(UUID workspaceId) {
        return jdbc.sql("select writable_attributes from client_setting where workspace_id = ?")
                .param(workspaceId)
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, LIST))
                .orElse(List.of());
    }

    /** Replaces the list; a reserved or malformed name is a 422 on {@code writable_attributes[i]}. */
    @Transactional
    List<String> setWritable(UUID workspaceId, List<String> names) {
        List<FieldViolation> violations = new ArrayList<>();
        if (names.size() > MAX_WRITABLE) {
            violations.add(new FieldViolation("writable_attributes", "must list at most " + MAX_WRITABLE + " names"));
        }
        Set<String> kept = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String field = "writable_attributes[" + i + "]";
            if (name == null || !NAME.matcher(name).matches()) {
                violations.add(new FieldViolation(
                        field, "must be 1-64 letters, digits, _ . : - starting with a letter or digit"));
            } else if (reserved(name)) {
                violations.add(new FieldViolation(field, "is reserved: the client API may never set " + name));
            } else {
                kept.add(name);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        List<String> list = List.copyOf(kept);
        jdbc.sql("delete from client_setting where workspace_id = ?")
                .param(workspaceId)
                .update();
        jdbc.sql("insert into client_setting (workspace_id, writable_attributes) values (?, ?)")
                .params(workspaceId, json.writeValueAsString(list))
                .update();
        return list;
    }

    /**
     * Checks what {@code identify} wants to set: every name must be client-writable and not set
     * by the server, else the request is refused with each fault on {@code attributes.<name>}.
     */
    void check(UUID workspaceId, String externalId, Map<String, Object> wanted) {
        if (wanted.isEmpty()) {
            return;
        }
        Set<String> writable = Set.copyOf(writable(workspaceId));
        Optional<Contact> contact = contacts.findByExternalId(workspaceId, externalId);
        Map<String, String> ours =
                contact.map(c -> written(workspaceId, c.id())).orElse(Map.of());
        List<FieldViolation> violations = new ArrayList<>();
        for (String name : wanted.keySet()) {
            String field = "attributes." + name;
            if (reserved(name)) {
                violations.add(new FieldViolation(field, "is reserved and cannot be set with the public key"));
            } else if (!writable.contains(name)) {
                violations.add(new FieldViolation(
                        field, "is not client-writable in this workspace (GET /api/v1/workspace/client-settings)"));
            } else if (contact.isPresent() && contact.get().attributes().containsKey(name)) {
                String stored =
                        json.writeValueAsString(contact.get().attributes().get(name));
                if (!Objects.equals(ours.get(name), stored)) {
                    violations.add(
                            new FieldViolation(field, "was set by the server and cannot be changed by the client"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    /** Remembers the values the client API just wrote (a null value removed the attribute). */
    @Transactional
    void remember(UUID workspaceId, String externalId, Map<String, Object> written) {
        if (written.isEmpty()) {
            return;
        }
        contacts.findByExternalId(workspaceId, externalId).ifPresent(contact -> {
            for (Map.Entry<String, Object> e : written.entrySet()) {
                jdbc.sql("delete from client_attribute where contact_id = ? and name = ?")
                        .params(contact.id(), e.getKey())
                        .update();
                if (e.getValue() != null) {
                    jdbc.sql(
                                    "insert into client_attribute (workspace_id, contact_id, name, attribute_value) values (?, ?, ?, ?)")
                            .params(workspaceId, contact.id(), e.getKey(), json.writeValueAsString(e.getValue()))
                            .update();
                }
            }
        });
    }

    private Map<String, String> written(UUID workspaceId, UUID contactId) {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.sql("select name, attribute_value from client_attribute where workspace_id = ? and contact_id = ?")
                .params(workspaceId, contactId)
                .query((rs, i) -> values.put(rs.getString("name"), rs.getString("attribute_value")))
                .list();
        return values;
    }
}
