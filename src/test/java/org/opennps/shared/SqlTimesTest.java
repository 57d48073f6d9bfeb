package org.opennps.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SqlTimesTest {

    @Test
    void nanosecondsAreCutNotRoundedSoAWrittenInstantIsNeverLaterThanItself() {
        Instant reading = Instant.parse("2026-12-02T10:00:00.123456789Z");

        assertThat(SqlTimes.param(reading).toInstant()).isEqualTo(Instant.parse("2026-12-02T10:00:00.123456Z"));
        assertThat(SqlTimes.param(reading).toInstant()).isBeforeOrEqualTo(reading);
    }

    @Test
    void microsecondInstantsAndNullPassUnchanged() {
        Instant exact = Instant.parse("2026-12-02T10:00:00.123456Z");

        assertThat(SqlTimes.param(exact).toInstant()).isEqualTo(exact);
        assertThat(SqlTimes.param(null)).isNull();
    }
}
