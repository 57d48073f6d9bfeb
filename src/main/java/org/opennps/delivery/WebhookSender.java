package org.opennps.delivery;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opennps.shared.OutboundGuard;

/**
 * Posts one webhook body, signed with the webhook's secret; throws when it was not accepted. The
 * outbound guard resolves and checks the target and connects to the checked address; redirects
 * are not followed.
 */
class WebhookSender {

    private final Clock clock;
    private final OutboundGuard guard;

    WebhookSender(Clock clock, OutboundGuard guard) {
        this.clock = clock;
        this.guard = guard;
    }

    void post(String url, String secret, String event, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-OpenNPS-Event", event)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (secret != null) {
            request.header(
                    "X-OpenNPS-Signature", signature(secret, clock.instant().getEpochSecond(), body));
        }
        int status = guard.send(request.build(), body.getBytes(StandardCharsets.UTF_8));
        if (status < 200 || status >= 300) {
            throw new IllegalStateException("answered HTTP " + status);
        }
    }

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">}. */
    static String signature(String secret, long unixSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((unixSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
