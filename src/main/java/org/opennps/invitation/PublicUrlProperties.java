package org.opennps.invitation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where respondents reach this server.
 *
 * @param publicUrl base of survey links in e-mails and API answers, such as
 *     https://nps.shop.example; when unset, http://localhost:&lt;server port&gt;
 */
@ConfigurationProperties("opennps")
record PublicUrlProperties(String publicUrl) {}
