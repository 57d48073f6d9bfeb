package org.opennps.shared;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which internal targets the server may call anyway (webhooks, alert webhooks, Slack, campaign
 * webhooks). By default every loopback, private, link-local, multicast, unspecified, CGNAT,
 * unique-local and cloud-metadata address is refused.
 *
 * @param allowHosts host names the server may call whatever they resolve to (exact names, case
 *     ignored), e.g. {@code hooks.intranet.example}
 * @param allowRanges address ranges in CIDR notation the server may call, e.g.
 *     {@code 10.20.0.0/16} or {@code 127.0.0.0/8,::1/128}
 */
@ConfigurationProperties("opennps.outbound")
public record OutboundProperties(
        @DefaultValue List<String> allowHosts, @DefaultValue List<String> allowRanges) {

    public OutboundProperties {
        allowHosts = allowHosts == null ? List.of() : List.copyOf(allowHosts);
        allowRanges = allowRanges == null ? List.of() : List.copyOf(allowRanges);
    }
}
