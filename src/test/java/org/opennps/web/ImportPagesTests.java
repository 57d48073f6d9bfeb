package org.opennps.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
}
