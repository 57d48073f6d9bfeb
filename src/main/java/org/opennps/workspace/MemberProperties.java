package org.opennps.workspace;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Invitations and password resets.
 *
 * @param invitationValidFor how long the link in an invitation e-mail can set a password
 * @param resetValidFor how long the link in a password reset e-mail can set a new password
 * @param passwordSignIn whether people may sign in with e-mail and password; switch it off when
 *     everyone signs in through single sign-on
 */
@ConfigurationProperties("opennps.members")
public record MemberProperties(
        @DefaultValue("P7D") Duration invitationValidFor,
        @DefaultValue("PT1H") Duration resetValidFor,
        @DefaultValue("true") boolean passwordSignIn) {}
