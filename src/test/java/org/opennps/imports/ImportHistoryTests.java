package org.opennps.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opennps.delighted.DelightedHistory;
import org.opennps.support.ApiTestBase;
import org.opennps.support.SqlStatements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imported history at scale: a chunk is written and counted in analytics with a fixed number of
 * statements, and a year of a Delighted export shows on the trend exactly as the export says.
 */
abstract class ImportHistoryTests extends ApiTestBase {

    /** Statements of one chunk of {@link ImportRunner#CHUNK} rows, whatever it holds. */
    static final int PER_CHUNK = 20;
    /** Statements of a job whatever its size: its plan, the survey, the file, the end. */
    static final int PER_JOB = 8;

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final DateTimeFormatter DELIGHTED_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

    @Autowired
    SqlStatements statements;

    @Autowired
    ImportRepository jobs;

    @Autowired
    ImportRunner runner;

    @Autowired
    DelightedHistory delighted;

    @Autowired
    JdbcClient jdbc;

    /** A Delighted export of {@code rows} answers spread over {@code months} months before this one. */
    private static String export(int rows, int months, Map<YearMonth, int[]> expected) {
        StringBuilder csv = new StringBuilder("Response ID,Date,Name,Email,Score,Comment,Plan,Tags\n");
        Random random = new Random(16);
        YearMonth first = YearMonth.now(WARSAW).minusMonths(months);
        String[] comments = {"", "", "Great support", "Too slow, sadly", "Fine"};
        for (int i = 0; i < rows; i++) {
            YearMonth month = first.plusMonths(i % months);
            // every month leans its own way, so a month counted in the wrong bucket shows
            int score = Math.min(10, random.nextInt(11) + (i % months) / 3);
            // some answers in the month's last evening (UTC): Warsaw is in the next month already
            Instant at = i % 17 == 0
                    ? month.atEndOfMonth().atTime(23, 30).toInstant(ZoneOffset.UTC)
                    : month.atDay(1 + random.nextInt(27))
                            .atTime(random.nextInt(24), random.nextInt(60))
                            .atZone(WARSAW)
                            .toInstant();
            int person = random.nextInt(rows / 3 + 1);
            csv.append("h-")
                    .append(i)
                    .append(',')
                    .append(DELIGHTED_DATE.format(at.atOffset(ZoneOffset.UTC)))
                    .append(",Person ")
                    .append(person)
                    .append(",p")
                    .append(person)
                    .append("@shop.example,")
                    .append(score)
                    .append(',')
                    .append(comments[random.nextInt(comments.length)])
                    .append(',')
                    .append(i % 2 == 0 ? "basic" : "pro")
                    .append(',')
                    .append(i % 20 == 0 ? "vip" : "")
                    .append('\n');
            int[] tally = expected.computeIfAbsent(YearMonth.from(at.atZone(WARSAW)), m -> new int[3]);
            tally[score >= 9 ? 0 : score >= 7 ? 1 : 2]++;
        }
        return csv.toString().replace("Too slow, sadly", "\"Too slow, sadly\"");
    }

    /** Uploads a Delighted export through the API; returns the job's id. */
    UUID upload(String file) throws Exception {
        String answer = mvc.perform(post("/api/v1/imports?format=delighted")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.parseMediaType("text/csv"))
                        .content(file.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return UUID.fromString(JsonPath.read(answer, "$.id"));
    }

    /** A job for the file, stored as an upload stores it but not scheduled: the test runs it itself. */
    UUID job(String file) {
        UUID id = UUID.randomUUID();
        UUID ws = workspace.workspace().id();
        jobs.insert(id, ws, "delighted", delighted.survey(ws), null, false, "history.csv", clock.instant());
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        jobs.insertPart(id, 0, bytes);
        jobs.fileBytes(id, bytes.length);
        return id;
    }

    Map<String, Object> nps(String query) throws Exception {
        return JsonPath.read(
                getJson("/api/v1/analytics/nps?survey_id="
                                + delighted.survey(workspace.workspace().id()) + query)
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8),
                "$");
    }

    @Test
    void aChunkIsStoredAndCountedWithAFixedNumberOfStatements() throws Exception {
        int rows = 2 * ImportRunner.CHUNK;
        UUID id = job(export(rows, 12, new TreeMap<>()));
        try (var sql = statements.record()) {
            runner.run(id);
            assertThat(sql.countOnThisThread()).as(sql.describe()).isLessThanOrEqualTo(PER_JOB + 2 * PER_CHUNK);
        }
        ImportJob done = jobs.find(workspace.workspace().id(), id).orElseThrow();
        assertThat(done.status()).isEqualTo(ImportJobStatus.DONE);
        assertThat(done.rowsImported()).isEqualTo(rows);
        // counted as the chunk committed: nothing is left for the background to project
        assertThat(nps("")).containsEntry("responses", rows);
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?")
                        .param("%" + workspace.workspace().id() + "%")
                        .query(Long.class)
                        .single())
                .isZero();

        // the same file again: every row a duplicate, still a few statements per chunk
        UUID again = job(export(rows, 12, new TreeMap<>()));
        try (var sql = statements.record()) {
            runner.run(again);
            assertThat(sql.countOnThisThread()).as(sql.describe()).isLessThanOrEqualTo(PER_JOB + 2 * PER_CHUNK);
        }
        ImportJob repeated = jobs.find(workspace.workspace().id(), again).orElseThrow();
        assertThat(repeated.rowsImported()).isZero();
        assertThat(repeated.rowsSkippedDuplicate()).isEqualTo(rows);
        assertThat(nps("")).containsEntry("responses", rows);
    }

    @Test
    void aSourceIdRepeatedWithinAChunkIsStoredOnce() throws Exception {
        String file = "Response ID,Date,Email,Score\n"
                + "x-1,2026-02-01T10:00:00Z,a@shop.example,9\n"
                + "x-2,2026-02-02T10:00:00Z,b@shop.example,3\n"
                + "x-1,2026-02-03T10:00:00Z,a@shop.example,10\n"
                + "x-3,2026-02-04T10:00:00Z,c@shop.example,6\n";
        UUID id = job(file);
        runner.run(id);
        ImportJob done = jobs.find(workspace.workspace().id(), id).orElseThrow();
        assertThat(done.rowsImported()).isEqualTo(3);
        assertThat(done.rowsSkippedDuplicate()).isEqualTo(1);
        assertThat(nps(""))
                .containsEntry("responses", 3)
                .containsEntry("promoters", 1)
                .containsEntry("detractors", 2);
    }

    @Test
    void aYearOfADelightedExportShowsOnTheTrendAsTheExportSays() throws Exception {
        Map<YearMonth, int[]> expected = new TreeMap<>();
        String file = export(1200, 12, expected);
        String answer = mvc.perform(post("/api/v1/imports?format=delighted")
                        .header("Authorization", "Bearer " + key)
                        .contentType(MediaType.parseMediaType("text/csv"))
                        .content(file.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        UUID id = UUID.fromString(JsonPath.read(answer, "$.id"));
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        !jobs.find(workspace.workspace().id(), id).orElseThrow().running());
        assertThat(jobs.find(workspace.workspace().id(), id).orElseThrow().rowsImported())
                .isEqualTo(1200);

        assertTrend(expected);
    }

    /** The 12-month trend of the Delighted survey shows each month's answers exactly as {@code expected} counts them. */
    void assertTrend(Map<YearMonth, int[]> expected) throws Exception {
        YearMonth first = YearMonth.now(WARSAW).minusMonths(12);
        YearMonth end = YearMonth.now(WARSAW).plusMonths(1);
        String since = first.atDay(1).atStartOfDay(WARSAW).toInstant().toString();
        String until = end.atDay(1).atStartOfDay(WARSAW).toInstant().toString();
        List<Map<String, Object>> series =
                JsonPath.read(nps("&interval=month&since=" + since + "&until=" + until), "$.series[*]");
        Map<YearMonth, Map<String, Object>> shown = new TreeMap<>();
        for (Map<String, Object> point : series) {
            shown.put(YearMonth.parse(((String) point.get("start")).substring(0, 7)), point);
        }
        assertThat(expected.keySet()).hasSize(13); // twelve months, and the evening of the last one
        expected.forEach((month, t) -> {
            Map<String, Object> point = shown.get(month);
            assertThat(point).as(month.toString()).isNotNull();
            assertThat(point.get("promoters")).as(month + " promoters").isEqualTo(t[0]);
            assertThat(point.get("passives")).as(month + " passives").isEqualTo(t[1]);
            assertThat(point.get("detractors")).as(month + " detractors").isEqualTo(t[2]);
            double nps = 100.0 * (t[0] - t[2]) / (t[0] + t[1] + t[2]);
            assertThat(((Number) point.get("nps")).doubleValue())
                    .as(month + " NPS")
                    .isCloseTo(nps, within(0.005)); // shown to two decimals
        });
    }

    /** Rows stored in the workspace's {@code table}. */
    long stored(String table) {
        return jdbc.sql("select count(*) from " + table + " where workspace_id = ?")
                .param(workspace.workspace().id())
                .query(Long.class)
                .single();
    }

    /** Every table an imported row writes to holds {@code rows} of the workspace, and no person is there twice. */
    void assertStoredOnce(long rows) throws Exception {
        assertThat(stored("response")).as("responses").isEqualTo(rows);
        assertThat(stored("nps_fact")).as("analytics facts").isEqualTo(rows);
        assertThat(stored("import_source")).as("source ids").isEqualTo(rows);
        assertThat(nps("")).containsEntry("responses", (int) rows);
        assertThat(stored("contact"))
                .as("people")
                .isEqualTo(jdbc.sql("select count(distinct contact_id) from response where workspace_id = ?")
                        .param(workspace.workspace().id())
                        .query(Long.class)
                        .single());
    }

    private ImportJob job(UUID id) {
        return jobs.find(workspace.workspace().id(), id).orElseThrow();
    }

    /** The statement that commits a chunk's progress: the last of its transaction. */
    private static boolean progress(String sql) {
        return sql.startsWith("update import_job set rows_total");
    }

    @Test
    void anImportStoppedOrKilledHalfWayResumesAfterItsLastCommittedChunkAndStoresEveryRowOnce() throws Exception {
        int chunks = 5;
        Map<YearMonth, int[]> expected = new TreeMap<>();
        UUID id = job(export(chunks * ImportRunner.CHUNK, 12, expected));

        // the node shuts down after the second chunk: the run stops between chunks
        AtomicInteger asked = new AtomicInteger();
        assertThatThrownBy(() -> runner.run(id, () -> asked.incrementAndGet() > 2))
                .isInstanceOf(ImportRunner.Stopped.class);
        assertThat(job(id).status()).isEqualTo(ImportJobStatus.RUNNING);
        assertThat(job(id).rowsTotal()).isEqualTo(2 * ImportRunner.CHUNK);
        assertStoredOnce(2 * ImportRunner.CHUNK);

        // the next run dies inside its second chunk, after all of the chunk's rows were written
        // and before its progress was: that chunk is rolled back whole
        try (var crash = statements.failOn(ImportHistoryTests::progress, 2)) {
            assertThatThrownBy(() -> runner.run(id)).isInstanceOf(DataAccessException.class);
            assertThat(crash.fired()).isTrue();
        }
        assertThat(job(id).status()).isEqualTo(ImportJobStatus.RUNNING);
        assertThat(job(id).rowsTotal()).isEqualTo(3 * ImportRunner.CHUNK);
        assertStoredOnce(3 * ImportRunner.CHUNK);

        runner.run(id);
        ImportJob done = job(id);
        assertThat(done.status()).isEqualTo(ImportJobStatus.DONE);
        assertThat(done.rowsTotal()).isEqualTo(chunks * ImportRunner.CHUNK);
        assertThat(done.rowsImported()).isEqualTo(chunks * ImportRunner.CHUNK);
        assertThat(done.rowsSkippedDuplicate()).isZero();
        assertThat(done.rowsRejected()).isZero();
        assertStoredOnce(chunks * ImportRunner.CHUNK);
        assertTrend(expected);
    }

    @Test
    void aRunThatFailsMidFileIsRetriedByTheDurableTaskWhichResumesWhereItCommitted() throws Exception {
        Map<YearMonth, int[]> expected = new TreeMap<>();
        String file = export(3 * ImportRunner.CHUNK, 12, expected);
        try (var crash = statements.failOn(ImportHistoryTests::progress, 2)) {
            UUID id = upload(file);
            // the failed run is handed back to the scheduler, due again a little later
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> crash.fired()
                            && jdbc.sql("select count(*) from scheduled_tasks where task_name = ?"
                                                    + " and task_instance = ? and not picked"
                                                    + " and consecutive_failures = 1")
                                            .params(ImportTask.READ.getTaskName(), id.toString())
                                            .query(Long.class)
                                            .single()
                                    == 1);
            retried(id, expected);
        }
    }

    private void retried(UUID id, Map<YearMonth, int[]> expected) throws Exception {
        assertThat(job(id).status()).isEqualTo(ImportJobStatus.RUNNING);
        assertThat(job(id).rowsTotal()).isEqualTo(ImportRunner.CHUNK);
        assertStoredOnce(ImportRunner.CHUNK);

        clock.advance(ImportTask.FIRST_RETRY.multipliedBy(4));
        await().atMost(Duration.ofSeconds(60)).until(() -> !job(id).running());
        ImportJob done = job(id);
        assertThat(done.status()).isEqualTo(ImportJobStatus.DONE);
        assertThat(done.rowsImported()).isEqualTo(3 * ImportRunner.CHUNK);
        assertThat(done.rowsSkippedDuplicate()).isZero();
        assertStoredOnce(3 * ImportRunner.CHUNK);
        assertTrend(expected);
    }
}
