package org.opennps.response;

import java.util.List;
import java.util.UUID;

/**
 * The themes a response's comment names, for {@code GET /api/v1/responses/{id}}: implemented by
 * the module that analyses comments (analytics), so this module shows them without depending on
 * it. Without an implementation the list is empty.
 */
public interface ResponseThemes {

    /** A theme id, its label, and whether the comment praises it: positive, negative, mixed or neutral. */
    record Theme(String id, String label, String sentiment) {}

    List<Theme> of(UUID workspaceId, UUID responseId);
}
