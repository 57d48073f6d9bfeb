package org.opennps.delivery;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A signed JSON post to queue: body {@code {"id","event","created_at","data"}}, header
 * {@code X-OpenNPS-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">} when a secret is
 * given. Queueing the same reference twice keeps the first.
 */
public record WebhookRequest(
        UUID workspaceId,
        String reference,
        String url,
        String secret,
        String event,
        Map<String, Object> data,
        Map<String, Object> body) {

    /**
     * @param body the whole JSON body to post instead of OpenNPS's envelope (a subscription in
     *     another system's format), or null
     */
    public WebhookRequest {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(event, "event");
        data = data == null ? Map.of() : data;
    }

    public WebhookRequest(
            UUID workspaceId, String reference, String url, String secret, String event, Map<String, Object> data) {
        this(workspaceId, reference, url, secret, event, data, null);
    }
}
