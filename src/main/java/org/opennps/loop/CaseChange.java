package org.opennps.loop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
        String status, boolean ownerGiven, String owner, String note, List<String> tags, Instant dueAt) {

    private static final Set<String> STATUSES =
            Set.of(FeedbackCase.OPEN, FeedbackCase.IN_PROGRESS, FeedbackCase.RESOLVED);

    /** Only a new status. */
    static CaseChange status(String status) {
        return new CaseChange(status, false, null, null, null, null);
    }

    public static CaseChange read(JsonNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        JsonFields f = JsonFields.of(body, "", violations);
        String status = f.string("status", 20, false);
        if (status != null && !STATUSES.contains(status)) {
            f.reject("status", "must be open, in_progress or resolved");
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
        String nextStatus = status != null ? status : c.status();
        Instant resolvedAt =
                FeedbackCase.RESOLVED.equals(nextStatus) ? (c.resolvedAt() != null ? c.resolvedAt() : now) : null;
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
