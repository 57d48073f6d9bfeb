package org.opennps.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/** Settings → Import: upload with CSRF, progress polled while running, errors listed, isolation. */
abstract class ImportPagesTests extends AdminPageTestBase {

    static final String EXPORT = "Response ID,Score,Date,Email,Comment\n"
            + "w-1,9,2026-03-01T10:00:00Z,ann@shop.example,<b>Great</b>\n"
            + "w-2,12,2026-03-02T10:00:00Z,bob@shop.example,\n";

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(signedIn()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void uploadedExportIsImportedAndItsProgressShown() throws Exception {
        assertThat(page("/settings/imports")).contains("Import history").contains("No imports yet.");
        MockMultipartFile file =
                new MockMultipartFile("file", "export.csv", "text/csv", EXPORT.getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/settings/imports")
                        .file(file)
                        .param("format", "delighted")
                        .with(signedIn()))
                .andExpect(status().isForbidden());
        String location = mvc.perform(multipart("/settings/imports")
                        .file(file)
                        .param("format", "delighted")
                        .with(signedIn())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith("/settings/imports/");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> page(location + "/progress").contains(">done<"));
        String done = page(location);
        assertThat(done)
                .contains("export.csv")
                .doesNotContain("hx-trigger") // polling stops once the import has finished
                .contains("Rejected rows")
                .contains("score must be a whole number");
        assertThat(page("/settings/imports")).contains("export.csv");
        // another workspace's admin cannot see it
        mvc.perform(get(location).with(outsider())).andExpect(status().isNotFound());
    }

    @Test
    void aRunningImportIsPolled() throws Exception {
        MockMultipartFile file =
                new MockMultipartFile("file", "slow.csv", "text/csv", EXPORT.getBytes(StandardCharsets.UTF_8));
        String location = mvc.perform(multipart("/settings/imports")
                        .file(file)
                        .param("format", "delighted")
                        .param("dry_run", "true")
                        .with(signedIn())
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String first = page(location);
        // right after the upload the task may or may not have run; either way the page is consistent
        if (first.contains(">running<")) {
            assertThat(first).contains("hx-get=\"" + location + "/progress\"").contains("every 2s");
        } else {
            assertThat(first).doesNotContain("hx-trigger");
        }
        assertThat(first).contains("dry run");
    }

    /**
     * The "Done when" of imports, on the page people look at: an uploaded Delighted export of
     * the last eleven months shows on the dashboard's 12-month trend (its table) month by
     * month, each with its own number of answers and NPS, and nothing in the months around.
     */
    @Test
    void theDashboardsTwelveMonthTrendShowsImportedAnswersInTheirOwnMonths() throws Exception {
        ZoneId zone = ZoneId.of("Europe/Warsaw"); // the test workspace's zone
        YearMonth now = YearMonth.now(zone);
        StringBuilder export = new StringBuilder("Response ID,Date,Email,Score,Comment\n");
        Map<String, int[]> expected = new TreeMap<>(); // month -> answers, promoters, detractors
        int id = 0;
        for (int back = 11; back >= 1; back--) {
            YearMonth month = now.minusMonths(back);
            // month k: k + 2 answers, the first k promoters, the last one a detractor
            int answers = 13 - back;
            int[] tally = new int[3];
            for (int i = 0; i < answers; i++) {
                int score = i == answers - 1 ? 2 : i < answers - 2 ? 10 : 8;
                Instant at = month.atDay(1 + i).atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC);
                export.append("dash-")
                        .append(++id)
                        .append(',')
                        .append(at)
                        .append(",p")
                        .append(i)
                        .append("@shop.example,")
                        .append(score)
                        .append(",\n");
                tally[0]++;
                tally[1] += score >= 9 ? 1 : 0;
                tally[2] += score <= 6 ? 1 : 0;
            }
            expected.put(month.toString(), tally);
        }
        MockMultipartFile file = new MockMultipartFile(
                "file", "year.csv", "text/csv", export.toString().getBytes(StandardCharsets.UTF_8));
        String location = mvc.perform(multipart("/settings/imports")
                        .file(file)
                        .param("format", "delighted")
                        .with(signedIn())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> page(location + "/progress").contains(">done<"));

        String dashboard = page("/?period=365d");
        Matcher row = Pattern.compile(
                        "<tr>\\s*<td>(\\d{4}-\\d{2})</td>\\s*<td>([^<]*)</td>\\s*<td>[^<]*</td>\\s*<td><span>(\\d+)</span>")
                .matcher(dashboard);
        Map<String, String[]> shown = new TreeMap<>();
        while (row.find()) {
            shown.put(row.group(1), new String[] {row.group(2), row.group(3)});
        }
        assertThat(shown)
                .as("the trend table's months")
                .containsKeys(expected.keySet().toArray(String[]::new));
        expected.forEach((month, t) -> {
            String nps = String.format(Locale.ROOT, "%.1f", 100.0 * (t[1] - t[2]) / t[0]);
            assertThat(shown.get(month)).as(month).containsExactly(nps, String.valueOf(t[0]));
        });
        shown.keySet().stream()
                .filter(month -> !expected.containsKey(month))
                .forEach(month -> assertThat(shown.get(month)[1]).as(month).isEqualTo("0"));
        assertThat(dashboard)
                .contains("id=\"nps-value\">"
                        + String.format(
                                Locale.ROOT,
                                "%.1f",
                                100.0
                                        * expected.values().stream()
                                                .mapToInt(t -> t[1] - t[2])
                                                .sum()
                                        / expected.values().stream()
                                                .mapToInt(t -> t[0])
                                                .sum())
                        + "<");
    }
}
