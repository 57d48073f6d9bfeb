package org.opennps.workspace;

import java.util.UUID;

/**
 * A workspace's time zone changed: local days, weeks and send hours now follow {@code timeZone}.
 * Published in the changing transaction; modules that keep data by local day rebuild it.
 */
public record WorkspaceTimeZoneChanged(UUID workspaceId, String previousTimeZone, String timeZone) {}
