package org.opennps.campaign;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How journeys run.
 *
 * @param batchSize most journeys one scheduler execution runs in one transaction when many are
 *     due at once (1 runs each journey alone). The default of 1,000 ran 100,000 journeys due together
 *     at 1.7 times the rate of batches of 100 on the benchmark machine (docs/benchmarks.md); a smaller
 *     batch holds its journeys' row locks for less time and loses less work when one journey's step
 *     fails and the batch rolls back.
 */
@ConfigurationProperties("opennps.journeys")
record JourneyProperties(@DefaultValue("1000") int batchSize) {

    JourneyProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("opennps.journeys.batch-size must be positive");
        }
    }
}
