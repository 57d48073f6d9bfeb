package org.opennps.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The durable scheduler of each node.
 *
 * @param enabled whether this node runs scheduled work (false: it only schedules it)
 * @param threads executions run in parallel on one node
 * @param pollingInterval how often a node looks for due executions
 * @param heartbeatInterval how often a running execution proves its node alive; an execution
 *     whose node missed {@code missedHeartbeats} beats is taken over by another node
 * @param missedHeartbeats missed heartbeats after which an execution counts as dead
 * @param shutdownMaxWait how long stopping waits for running executions
 */
@ConfigurationProperties("opennps.scheduler")
public record SchedulerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10") int threads,
        @DefaultValue("PT1S") Duration pollingInterval,
        @DefaultValue("PT30S") Duration heartbeatInterval,
        @DefaultValue("6") int missedHeartbeats,
        @DefaultValue("PT30S") Duration shutdownMaxWait) {

    public SchedulerProperties {
        if (threads < 1 || missedHeartbeats < 1) {
            throw new IllegalArgumentException("opennps.scheduler.threads and missed-heartbeats must be positive");
        }
    }
}
