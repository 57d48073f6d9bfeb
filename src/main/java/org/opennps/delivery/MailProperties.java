package org.opennps.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sender of e-mails.
 *
 * @param from from-address used when the workspace sets no sender e-mail of its own
 */
@ConfigurationProperties("opennps.mail")
record MailProperties(
        @DefaultValue("no-reply@opennps.local") String from) {}
