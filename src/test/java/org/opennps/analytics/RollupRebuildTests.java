package org.opennps.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opennps.analytics.AnalyticsFixtures.scored;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The daily rollup follows a change of the workspace's time zone; run on H2 and PostgreSQL. */
abstract class RollupRebuildTests extends ApiTestBase {

    static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    static final ZoneId UTC = ZoneId.of("UTC");
    /** 23:30 UTC on the 19th is 00:30 on the 20th in Warsaw. */
    static final Instant NEAR_MIDNIGHT = Instant.parse("2026-11-19T23:30:00Z");

    static final Instant NOON = Instant.parse("2026-11-19T12:00:00Z");

    @Autowired
    AnalyticsProjection projection;

    @Autowired
    Rollups rollups;

    @Autowired
    RollupMoves moves;

    @Autowired
    RollupRebuild rebuild;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    UUID ws;

    @BeforeEach
    void answers() {
        ws = workspace.workspace().id();
        clock.set(Instant.parse("2026-11-22T09:00:00Z"));
        projection.record(scored(ws, 10, NEAR_MIDNIGHT));
        projection.record(scored(ws, 2, NEAR_MIDNIGHT.plusSeconds(60)));
        projection.record(scored(ws, 8, NOON));
    }

    @Test
    void anAnswerNearMidnightMovesToTheDayOfTheNewZone() throws Exception {
        trendOf19thAnd20th(1, 2);
        assertThat(rollupDays(WARSAW)).containsExactly(Map.entry(day(19), 1L), Map.entry(day(20), 2L));

        patchJson("/api/v1/workspace", json("{'time_zone':'UTC'}")).andExpect(status().isOk());
        // at once, whether the rebuild has run or not
        trendOf19thAnd20th(3, 0);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> rollups.consistent(ws, UTC) && rollupDays(UTC).size() == 1);
        assertThat(rollupDays(UTC)).containsExactly(Map.entry(day(19), 3L));
        assertThat(rollupDays(WARSAW)).isEmpty();
        trendOf19thAnd20th(3, 0);
        getJson("/api/v1/analytics/nps?since=2026-11-19&until=2026-11-20")
                .andExpect(jsonPath("$.responses").value(3))
                .andExpect(jsonPath("$.detractors").value(1));
    }

    @Test
    void batchesKeepTheRollupEqualToTheFactsAtEveryStep() {
        RollupMoves.Cursor cursor = RollupMoves.Cursor.START;
        for (int step = 1; step <= 3; step++) {
            RollupMoves.Cursor from = cursor;
            RollupMoves.Batch batch = transactions.execute(tx -> moves.move(ws, UTC, from, 1));
            assertThat(batch.moved()).isEqualTo(1);
            cursor = batch.last();
            assertThat(total(UTC) + total(WARSAW)).isEqualTo(3);
            assertThat(total(UTC)).isEqualTo(step);
            assertThat(rollups.consistent(ws, WARSAW)).isFalse();
        }
        assertThat(cursor.answeredAt()).isEqualTo(NEAR_MIDNIGHT.plusSeconds(60));
        RollupMoves.Cursor end = cursor;
        assertThat(transactions.execute(tx -> moves.move(ws, UTC, end, 1)).moved())
                .isZero();

        // the workspace is still in Warsaw: a rebuild moves everything back and drops the UTC rows
        assertThat(rebuild.rebuild(ws, () -> false)).isEqualTo(new RollupRebuild.Result("Europe/Warsaw", 3));
        assertThat(rollupDays(WARSAW)).containsExactly(Map.entry(day(19), 1L), Map.entry(day(20), 2L));
        assertThat(rollupDays(UTC)).isEmpty();
        assertThat(rollups.consistent(ws, WARSAW)).isTrue();
        assertThat(rebuild.rebuild(ws, () -> false)).isEqualTo(new RollupRebuild.Result("Europe/Warsaw", 0));
    }

    private void trendOf19thAnd20th(int on19th, int on20th) throws Exception {
        getJson("/api/v1/analytics/nps?interval=day&since=2026-11-19&until=2026-11-21")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.series.length()").value(2))
                .andExpect(jsonPath("$.series[0].responses").value(on19th))
                .andExpect(jsonPath("$.series[1].responses").value(on20th));
    }

    private Map<LocalDate, Long> rollupDays(ZoneId zone) {
        Map<LocalDate, Long> days = new LinkedHashMap<>();
        jdbc.sql(
                        "select local_day, sum(promoters + passives + detractors) from nps_daily"
                                + " where workspace_id = ? and time_zone = ? and dim = '' group by local_day order by local_day")
                .params(ws, zone.getId())
                .query(rs -> {
                    if (rs.getLong(2) != 0) {
                        days.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                    }
                });
        return days;
    }

    private long total(ZoneId zone) {
        return rollupDays(zone).values().stream().mapToLong(Long::longValue).sum();
    }

    private static LocalDate day(int dayOfNovember) {
        return LocalDate.of(2026, 11, dayOfNovember);
    }
}
