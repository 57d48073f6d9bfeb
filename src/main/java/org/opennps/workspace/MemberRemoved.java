package org.opennps.workspace;

import java.util.UUID;

/**
 * A person no longer belongs to a workspace; published in the removing transaction. Modules
 * holding their assignments (case owners) release them.
 */
public record MemberRemoved(UUID workspaceId, UUID userId, String email) {}
