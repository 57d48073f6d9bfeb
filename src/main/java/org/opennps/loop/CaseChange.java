package org.opennps.loop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opennps.shared.Coded;
import org.opennps.shared.FieldViolation;
import org.opennps.shared.InvalidInputException;
import org.opennps.shared.JsonFields;
import tools.jackson.databind.JsonNode;

/**
 * A change to a case; absent fields stay as they are, {@code "owner": null} unassigns.
 *
 * @param note text of a note to add
 */
public record CaseChange(
        CaseStatus status, boolean ownerGiven, String owner, String note, List<String> tags, Instant dueAt) {

    /** Only a new status. */
    static CaseChange status(CaseStatus status) {
        return new CaseChange(status, false, null, null, null, null);
    }

    public static CaseChange read(JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields f = JsonFields.of(body, "", violations);
        String statusWord = f.string("status", 20, false);
        CaseStatus status = Coded.find(CaseStatus.class, statusWord).orElse(null);
        if (statusWord != null && status == null) {
            f.reject("status", "must be one of " + Coded.words(CaseStatus.class));
        }
        boolean ownerGiven = body != null && body.has("owner");
        String owner = f.string("owner", 254, false);
        String note = f.multiLineString("note", 5000, false);
        List<String> tags = null;
        JsonNode tagNode = f.raw("tags");
        if (tagNode != null && !tagNode.isNull()) {
            tags = new ArrayList<>();
            if (!tagNode.isArray() || tagNode.size() > 20) {
                f.reject("tags", "must be a list of at most 20 tags");
            } else {
                for (JsonNode tag : tagNode) {
                    if (!tag.isString() || !tag.stringValue().matches("[\\p{L}\\p{N} _.:-]{1,40}")) {
                        f.reject("tags", "each tag must be 1-40 letters, digits, spaces or _ . : -");
                        break;
                    }
                    tags.add(tag.stringValue().trim());
                }
            }
        }
        Instant dueAt = f.instant("due_at");
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new CaseChange(status, ownerGiven, owner, note, tags, dueAt);
    }

    FeedbackCase applyTo(FeedbackCase c, Instant now) {
        CaseStatus nextStatus = status != null ? status : c.status();
        Instant resolvedAt = nextStatus == CaseStatus.RESOLVED ? (c.resolvedAt() != null ? c.resolvedAt() : now) : null;
        return new FeedbackCase(
                c.id(),
                c.responseId(),
                c.contactId(),
                c.ruleId(),
                c.score(),
                c.category(),
                nextStatus,
                ownerGiven ? owner : c.owner(),
                tags != null ? List.copyOf(tags) : c.tags(),
                dueAt != null ? dueAt : c.dueAt(),
                c.createdAt(),
                now,
                resolvedAt,
                c.notes());
    }
}
