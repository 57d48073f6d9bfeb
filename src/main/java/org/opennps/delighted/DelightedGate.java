package org.opennps.delighted;

import org.opennps.shared.RateLimiter;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Every /v1 call passes here first: the per-key rate limit Delighted clients expect (429). */
@Component
@EnableConfigurationProperties(DelightedProperties.class)
class DelightedGate {

    private final RateLimiter limiter;
    private final DelightedProperties properties;

    DelightedGate(RateLimiter limiter, DelightedProperties properties) {
        this.limiter = limiter;
        this.properties = properties;
    }

    void enter(WorkspaceAccess access) {
        Object who = access.apiKeyId() != null ? access.apiKeyId() : access.workspaceId();
        limiter.check("delighted:" + who, properties.requestsPerMinute());
    }
}
