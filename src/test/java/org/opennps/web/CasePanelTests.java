package org.opennps.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/** A response's case in the inbox, on H2 and PostgreSQL. */
abstract class CasePanelTests extends AdminPageTestBase {

    @Test
    void caseIsOpenedTakenNotedAndResolved() throws Exception {
        String response = respond(createSurvey(), "d-1", 2, "'why':'Late again'");
        mvc.perform(get("/responses/" + response).with(signedIn()))
                .andExpect(content().string(containsString("No case yet")))
                .andExpect(content().string(containsString("Full timeline")));
        mvc.perform(post("/responses/" + response + "/case")
                        .header("HX-Request", "true")
                        .with(signedIn())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Case opened.")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(post("/responses/" + response + "/case/change")
                        .header("HX-Request", "true")
                        .with(signedIn())
                        .with(csrf())
                        .param("action", "take")
                        .param("note", "<b>Called</b> the customer"))
                .andExpect(content().string(containsString("id=\"case-owner\">" + adminEmail + "<")))
                .andExpect(content().string(containsString("&lt;b&gt;Called&lt;/b&gt; the customer")));
        String caseId = com.jayway.jsonpath.JsonPath.read(
                getJson("/api/v1/cases?status=in_progress")
                        .andExpect(jsonPath("$.items[0].owner").value(adminEmail))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.items[0].id");
        getJson("/api/v1/cases/" + caseId)
                .andExpect(jsonPath("$.notes[0].author").value(adminEmail));
        mvc.perform(post("/responses/" + response + "/case/change")
                        .with(signedIn())
                        .with(csrf())
                        .param("action", "save")
                        .param("status", "resolved")
                        .param("owner", adminEmail)
                        .param("tags", "delivery, courier")
                        .param("due_at", "2030-01-02T10:30"))
                .andExpect(redirectedUrl("/responses/" + response + "#case"));
        getJson("/api/v1/cases?status=resolved")
                .andExpect(jsonPath("$.items[0].tags[1]").value("courier"))
                .andExpect(jsonPath("$.items[0].due_at").value("2030-01-02T09:30:00Z"));
    }

    @Test
    void brokenTagsAreExplainedInThePanel() throws Exception {
        String response = respond(createSurvey(), "d-2", 1, "");
        mvc.perform(post("/responses/" + response + "/case").with(signedIn()).with(csrf()));
        mvc.perform(post("/responses/" + response + "/case/change")
                        .header("HX-Request", "true")
                        .with(signedIn())
                        .with(csrf())
                        .param("status", "open")
                        .param("tags", "<nope>"))
                .andExpect(content().string(containsString("tags: each tag must be")));
    }

    @Test
    void inboxFiltersByCaseStatus() throws Exception {
        String survey = createSurvey();
        String withCase = respond(survey, "d-3", 0, "'why':'Broken box'");
        respond(survey, "p-3", 10, "'why':'All good'");
        mvc.perform(post("/responses/" + withCase + "/case").with(signedIn()).with(csrf()));
        String page = mvc.perform(get("/responses").param("case", "open").with(signedIn()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Broken box").doesNotContain("All good").contains("1 responses with a case open");
        mvc.perform(get("/responses").with(signedIn()))
                .andExpect(content().string(containsString("All good")))
                .andExpect(content().string(containsString("badge status open")));
    }

    @Test
    void caseFormsNeedCsrfAndStayInTheirWorkspace() throws Exception {
        String response = respond(createSurvey(), "d-4", 3, "");
        mvc.perform(post("/responses/" + response + "/case").with(signedIn())).andExpect(status().isForbidden());
        mvc.perform(post("/responses/" + response + "/case").with(outsider()).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/responses/" + response).with(outsider()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("does not exist in the current workspace")));
        getJson("/api/v1/cases").andExpect(jsonPath("$.total").value(0));
    }
}
