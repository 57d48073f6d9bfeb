package org.opennps.delighted;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address clients reach this server at, for the full URLs Delighted's answers carry
 * ({@code Link}, {@code permalink}): {@code opennps.public-url} when set, as behind a TLS proxy,
 * else this request's scheme and host (which honour {@code X-Forwarded-*} only with
 * {@code server.forward-headers-strategy}).
 */
@Component
class PublicBase {

    private volatile String configured;

    PublicBase(@Value("${opennps.public-url:}") String publicUrl) {
        use(publicUrl);
    }

    /** Replaces the configured address at run time (null or blank: none). */
    void use(String publicUrl) {
        configured = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    }

    /** The configured address, or empty when links follow the request. */
    String configured() {
        return configured;
    }

    /** The configured address, else the current request's scheme, host and context path. */
    String base() {
        String set = configured;
        return set.isEmpty()
                ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                : set;
    }
}
