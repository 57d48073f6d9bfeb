package org.opennps.campaign;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How journeys run.
 *
 * @param batchSize most journeys one scheduler execution runs in one transaction when many are
 *     due at once (1 runs each journey alone)
 */
@ConfigurationProperties("opennps.journeys")
record JourneyProperties(@DefaultValue("100") int batchSize) {

    JourneyProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("opennps.journeys.batch-size must be positive");
        }
    }
}
