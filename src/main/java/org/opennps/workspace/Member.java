package org.opennps.workspace;

import java.util.UUID;

/**
 * A person in a workspace as the members list shows them.
 *
 * @param status {@code invited} until they set a password or sign in, then {@code active}
 */
public record Member(UUID id, String email, String name, Role role, String status) {}
