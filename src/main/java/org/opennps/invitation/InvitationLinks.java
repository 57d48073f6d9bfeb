package org.opennps.invitation;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Absolute survey links from {@code opennps.public-url}, else this server on localhost. */
@Component
class InvitationLinks {

    private final PublicUrlProperties properties;
    private final Environment environment;
    /** The base once known for good (configured, or the port the server listens on). */
    private volatile String base;

    InvitationLinks(PublicUrlProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    String survey(String token) {
        return base() + "/s/" + token;
    }

    /**
     * The base of every link, resolved once it is final: an e-mail has a dozen links, and a look-up
     * in the environment costs more than the rest of building one.
     */
    String base() {
        String known = base;
        if (known != null) {
            return known;
        }
        String configured = properties.publicUrl();
        if (configured != null && !configured.isBlank()) {
            base = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
            return base;
        }
        String listening = environment.getProperty("local.server.port");
        if (listening != null) {
            // the port of the running server does not change; before it listens, ask again next time
            base = "http://localhost:" + listening;
            return base;
        }
        return "http://localhost:" + environment.getProperty("server.port", "8080");
    }
}
