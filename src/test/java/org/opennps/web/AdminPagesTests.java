package org.opennps.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.workspace.SignedInUser;
import org.opennps.workspace.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Sign-in, settings, keys and contact pages; run on H2 and on PostgreSQL by the subclasses. */
abstract class AdminPagesTests extends ApiTestBase {

    @Autowired
    UserService users;

    String email;
    SignedInUser admin;

    @BeforeEach
    void admin() {
        email = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        users.createUser(email, "correct horse battery", workspace.workspace().id(), UserService.OWNER);
        admin = users.loadUserByUsername(email);
    }

    RequestPostProcessor signedIn() {
        return user(admin);
    }

    @Test
    void pagesNeedSignInAndTheRightPasswordSignsIn() throws Exception {
        mvc.perform(get("/settings")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(formLogin().user(email).password("wrong password!")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user(email).password("correct horse battery")).andExpect(redirectedUrl("/"));
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("_csrf")));
    }

    @Test
    void formsWithoutCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/settings/api-keys").param("name", "x").with(signedIn()))
                .andExpect(status().isForbidden());
    }

    @Test
    void newApiKeyIsShownOnceThenOnlyItsPrefix() throws Exception {
        var result = mvc.perform(post("/settings/api-keys")
                        .param("name", "shop")
                        .with(signedIn())
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings#api-keys"))
                .andExpect(flash().attributeExists("newKey"))
                .andReturn();
        mvc.perform(get("/settings").with(signedIn()).flashAttrs(result.getFlashMap()))
                .andExpect(content().string(containsString("shown only once")));
        mvc.perform(get("/settings").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("shown only once"))))
                .andExpect(content().string(containsString(workspace.workspace().publicKey())));
    }

    @Test
    void invalidSettingsAreExplainedAndNotSaved() throws Exception {
        mvc.perform(post("/settings")
                        .with(signedIn())
                        .with(csrf())
                        .param("name", "Shop")
                        .param("time_zone", "Nowhere/City")
                        .param("recontact_after_response", "P90D")
                        .param("recontact_after_invitation", "P30D")
                        .param("invitation_expiry", "P30D")
                        .param("brand_color", "#112233"))
                .andExpect(flash().attributeExists("errors"));
        getJson("/api/v1/workspace").andExpect(content().string(containsString("Europe/Warsaw")));
    }

    @Test
    void contactTextIsEscapedInListAndDetail() throws Exception {
        postJson(
                "/api/v1/contacts",
                json("{'external_id':'x-1','name':'<script>alert(1)</script>','attributes':{'city':'<b>Warsaw</b>'}}"));
        postJson(
                "/api/v1/events",
                json("{'type':'order.placed','contact':{'external_id':'x-1'},'properties':{'note':'<img src=x>'}}"));
        mvc.perform(get("/contacts").param("q", "script").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(not(containsString("<b>Warsaw"))));
        String id = com.jayway.jsonpath.JsonPath.read(
                getJson("/api/v1/contacts?external_id=x-1")
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.items[0].id");
        mvc.perform(get("/contacts/" + id).with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("order.placed")))
                .andExpect(content().string(not(containsString("<img src=x>"))));
    }

    @Test
    void emptyContactListSaysSo() throws Exception {
        mvc.perform(get("/contacts").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No contacts yet")));
        mvc.perform(get("/").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Send your first event")));
    }
}
