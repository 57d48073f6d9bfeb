package org.opennps.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.workspace.UserService;
import org.opennps.workspace.WorkspaceService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Settings → Webhooks: list, create, delivery log, switch on again, test post, delete; H2 and PostgreSQL. */
abstract class WebhookPagesTests extends ApiTestBase {

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor admin;

    @BeforeEach
    void teamWorkspace() {
        String slug = "hooks-" + UUID.randomUUID().toString().substring(0, 8);
        workspace = workspaces.create(slug, "Team " + slug, "Europe/Warsaw", false, null, true);
        key = workspace.apiKey().key();
        String email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        users.createUser(email, "correct horse battery", workspace.workspace().id(), UserService.ADMIN);
        admin = user(users.loadUserByUsername(email));
    }

    @Test
    void subscriptionsAreAddedListedSwitchedOnTestedAndDeletedFromThePage() throws Exception {
        mvc.perform(get("/settings/webhooks").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No subscriptions")))
                .andExpect(content().string(not(containsString("style="))))
                .andExpect(content().string(not(containsString("<script>"))));

        mvc.perform(post("/settings/webhooks")
                        .param("url", "https://crm.shop.example/<b>nps")
                        .param("events", "response.scored")
                        .with(admin))
                .andExpect(status().isForbidden());
        mvc.perform(post("/settings/webhooks")
                        .param("url", "https://crm.shop.example/nps?a=1&b=2")
                        .param("events", "response.scored", "case.updated")
                        .with(admin)
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/webhooks"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("message", containsString("whsec_")));
        mvc.perform(post("/settings/webhooks")
                        .param("url", "ftp://nowhere")
                        .with(admin)
                        .with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("error", containsString("url")));
        String id = JsonPath.read(
                getJson("/api/v1/webhooks").andReturn().getResponse().getContentAsString(), "$.items[0].id");
        // As the outbox leaves a subscription whose receiver kept failing.
        jdbc.sql("update webhook_subscription set active = false, disabled_reason = 'Switched off after 5 failed'"
                        + " where id = ?")
                .param(UUID.fromString(id))
                .update();

        mvc.perform(get("/settings/webhooks").with(admin))
                .andExpect(content().string(containsString("https://crm.shop.example/nps?a=1&amp;b=2")))
                .andExpect(content().string(containsString("Switched off after 5 failed")))
                .andExpect(content().string(containsString("Switch on")));
        mvc.perform(post("/settings/webhooks/" + id + "/enable")
                        .param("replay_from", "2026-11-20T08:00")
                        .with(admin)
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/webhooks"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("message", containsString("0 missed events")));
        getJson("/api/v1/webhooks/" + id).andExpect(jsonPath("$.active").value(true));

        mvc.perform(post("/settings/webhooks/" + id + "/test").with(admin).with(csrf()))
                .andExpect(redirectedUrl("/settings/webhooks?log=" + id));
        mvc.perform(get("/settings/webhooks").param("log", id).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Delivery log")))
                .andExpect(content().string(containsString("webhook.test")));

        mvc.perform(post("/settings/webhooks/" + id + "/delete").with(admin).with(csrf()))
                .andExpect(redirectedUrl("/settings/webhooks"));
        getJson("/api/v1/webhooks").andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("/settings/webhooks")
                        .param("log", UUID.randomUUID().toString())
                        .with(admin))
                .andExpect(status().isNotFound());
        assertThat(id).isNotBlank();
    }
}
