package org.opennps.contact;

import java.util.UUID;

/**
 * A person asked to be forgotten. Published inside the erasing transaction, before the contact
 * row goes: modules holding personal data of the contact remove it, keeping anonymous scores.
 */
public record ContactErased(UUID workspaceId, UUID contactId) {}
