package org.opennps.invitation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signing of survey links.
 *
 * @param tokenSecret secret (at least 32 characters) that signs survey link tokens; when unset,
 *     one is generated once and kept in the database, so every node shares it
 */
@ConfigurationProperties("opennps.invitation")
record InvitationProperties(String tokenSecret) {}
