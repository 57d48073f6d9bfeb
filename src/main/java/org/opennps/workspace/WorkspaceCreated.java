package org.opennps.workspace;

import java.util.UUID;

/**
 * A workspace was created; published in the creating transaction.
 *
 * @param starterSetup whether it was created for a team (the first start, or from the app), so
 *     modules add their starting configuration such as the detractor alert rule
 */
public record WorkspaceCreated(UUID workspaceId, boolean starterSetup) {}
