package org.opennps.event;

import java.util.List;
import java.util.UUID;

/**
 * Events newly stored by one intake call (duplicates left out), published in the storing
 * transaction; listeners registered as application module listeners receive it durably.
 */
public record EventsIngested(UUID workspaceId, List<IngestedEvent> events) {}
