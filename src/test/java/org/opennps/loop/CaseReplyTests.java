package org.opennps.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.TestMailServer;
import org.opennps.workspace.UserService;
import org.opennps.workspace.WorkspaceService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** An agent replies to a detractor from the case; the thread and the contact's timeline show it. */
abstract class CaseReplyTests extends ApiTestBase {

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    UserService users;

    @Autowired
    TestMailServer smtp;

    String agentEmail;
    RequestPostProcessor agent;
    String customer;
    String responseId;
    String caseId;
    String contactId;

    @BeforeEach
    void detractorWithACase() throws Exception {
        String slug = "reply-" + UUID.randomUUID().toString().substring(0, 8);
        workspace = workspaces.create(slug, "Shop " + slug, "Europe/Warsaw", false, null, true);
        key = workspace.apiKey().key();
        agentEmail = "agent-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        users.createUser(
                agentEmail, "correct horse battery", workspace.workspace().id(), UserService.AGENT);
        agent = user(users.loadUserByUsername(agentEmail));
        customer = "ann-" + UUID.randomUUID().toString().substring(0, 8) + "@mail.example";
        String survey = createSurvey(json("{'name':'NPS','questions':[{'id':'nps','type':'nps','text':'?'}]}"));
        postJson(
                        "/api/v1/events",
                        json("{'id':'e-1','type':'order.placed','contact':{'external_id':'ann','email':'" + customer
                                + "'},'properties':{'order_id':'o-9'}}"))
                .andExpect(status().isAccepted());
        String body = postJson(
                        "/api/v1/responses",
                        json("{'survey_id':'" + survey + "','score':2,'contact':{'external_id':'ann','email':'"
                                + customer + "','locale':'de'}}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        responseId = JsonPath.read(body, "$.id");
        contactId = JsonPath.read(body, "$.contact_id");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> getJson("/api/v1/cases?status=open")
                        .andReturn()
                        .getResponse()
                        .getContentAsString()
                        .contains(responseId));
        caseId = JsonPath.read(
                getJson("/api/v1/cases?status=open").andReturn().getResponse().getContentAsString(), "$.items[0].id");
    }

    @Test
    void theAgentsReplyReachesTheCustomerAndStaysOnTheCase() throws Exception {
        mvc.perform(post("/responses/" + responseId + "/case/reply")
                        .param("subject", "Sorry about your order")
                        .param("body", "Hello Ann,\nwe are sending a new parcel today.")
                        .with(agent)
                        .with(csrf()))
                .andExpect(redirectedUrl("/responses/" + responseId + "#case"));

        await().atMost(Duration.ofSeconds(20)).until(() -> !smtp.to(customer).isEmpty());
        MimeMessage mail = smtp.to(customer).getFirst();
        assertThat(mail.getSubject()).isEqualTo("Sorry about your order");
        assertThat(org.opennps.team.MailText.of(mail)).contains("we are sending a new parcel today.");

        mvc.perform(post("/responses/" + responseId + "/case/reply")
                        .param("action", "answer")
                        .param("answer", "Thanks, it arrived!")
                        .with(agent)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        getJson("/api/v1/cases/" + caseId + "/messages")
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].direction").value("out"))
                .andExpect(jsonPath("$.items[0].author").value(agentEmail))
                .andExpect(jsonPath("$.items[1].direction").value("in"))
                .andExpect(jsonPath("$.items[1].body").value("Thanks, it arrived!"));
        getJson("/api/v1/cases/" + caseId).andExpect(jsonPath("$.status").value("in_progress"));

        mvc.perform(get("/responses/" + responseId).with(agent))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Conversation with the customer")))
                .andExpect(content().string(containsString("we are sending a new parcel today.")))
                .andExpect(content().string(containsString("Thanks, it arrived!")));
        mvc.perform(get("/contacts/" + contactId).with(agent))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("order.placed")))
                .andExpect(content().string(containsString("Score 2 (detractor)")))
                .andExpect(content().string(containsString("Case opened")))
                .andExpect(content().string(containsString("Reply by " + agentEmail)))
                .andExpect(content().string(containsString("Customer answer")));
    }

    @Test
    void anEmptyReplyIsRefusedAndWhatWasTypedStays() throws Exception {
        mvc.perform(post("/responses/" + responseId + "/case/reply")
                        .param("subject", "Kept subject")
                        .param("body", "   ")
                        .header("HX-Request", "true")
                        .with(agent)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Message: write a message.")))
                .andExpect(content().string(containsString("value=\"Kept subject\"")));
        postJson("/api/v1/cases/" + caseId + "/replies", json("{'subject':'x'}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        getJson("/api/v1/cases/" + caseId + "/messages")
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void aViewerReadsTheThreadButCannotReply() throws Exception {
        String email = "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        users.createUser(email, "correct horse battery", workspace.workspace().id(), UserService.VIEWER);
        var viewer = user(users.loadUserByUsername(email));
        mvc.perform(get("/responses/" + responseId).with(viewer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your role can read cases but not change them.")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Send reply"))));
        mvc.perform(post("/responses/" + responseId + "/case/reply")
                        .param("subject", "x")
                        .param("body", "y")
                        .with(viewer)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/responses/" + responseId + "/case/change")
                        .param("action", "resolve")
                        .with(viewer)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        getJson("/api/v1/cases/" + caseId).andExpect(jsonPath("$.status").value("open"));
    }

    @Test
    void theInboxExportsItsFilteredResponsesAsCsv() throws Exception {
        mvc.perform(get("/responses").param("category", "detractor").with(agent))
                .andExpect(content().string(containsString("/responses/export.csv?survey=&amp;category=detractor")));
        String csv = mvc.perform(get("/responses/export.csv")
                        .param("category", "detractor")
                        .with(agent))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Type", containsString("text/csv")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv).contains(responseId);
        String promoters = mvc.perform(get("/responses/export.csv")
                        .param("category", "promoter")
                        .with(agent))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(promoters).doesNotContain(responseId);
    }
}
