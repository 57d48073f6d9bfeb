package org.opennps.workspace;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with OpenID Connect. The provider itself is configured with Spring's standard
 * {@code spring.security.oauth2.client.registration.*} and {@code …provider.*} properties; these
 * say what a person signing in that way for the first time gets.
 *
 * @param defaultWorkspace slug of the workspace a new single sign-on user joins
 * @param defaultRole their role there: {@code viewer}, {@code agent}, {@code admin} or {@code owner}
 */
@ConfigurationProperties("opennps.sso")
public record SsoProperties(
        @DefaultValue("default") String defaultWorkspace,
        @DefaultValue("viewer") String defaultRole) {}
