package org.opennps.workspace;

import java.util.List;
import java.util.UUID;

/**
 * The signed-in user's workspace for this request and their role in it, read from the database
 * on each request.
 *
 * @param workspaceIds every workspace the user belongs to, for the switcher
 */
public record CurrentMember(UUID workspaceId, Role role, List<UUID> workspaceIds) {

    public boolean canHandleCases() {
        return role.atLeast(Role.AGENT);
    }

    public boolean canConfigure() {
        return role.atLeast(Role.ADMIN);
    }

    public boolean canManageMembers() {
        return role.atLeast(Role.OWNER);
    }
}
