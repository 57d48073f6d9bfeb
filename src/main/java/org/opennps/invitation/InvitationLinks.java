package org.opennps.invitation;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Absolute survey links from {@code opennps.public-url}, else this server on localhost. */
@Component
class InvitationLinks {

    private final PublicUrlProperties properties;
    private final Environment environment;

    InvitationLinks(PublicUrlProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    String survey(String token) {
        return base() + "/s/" + token;
    }

    String base() {
        String configured = properties.publicUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port;
    }
}
