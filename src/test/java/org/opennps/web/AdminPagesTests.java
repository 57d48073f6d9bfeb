package org.opennps.web;

import static org.assertj.core.api.Assertions.assertThat;
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
    void invalidSettingsComeBackAsTypedWithPlainWordsNextToTheirFields() throws Exception {
        mvc.perform(post("/settings")
                        .with(signedIn())
                        .with(csrf())
                        .param("name", "Renamed shop")
                        .param("time_zone", "Nowhere/City")
                        .param("recontact_after_response_amount", "ninety")
                        .param("recontact_after_response_unit", "days")
                        .param("recontact_after_invitation_amount", "30")
                        .param("recontact_after_invitation_unit", "days")
                        .param("invitation_expiry_amount", "12")
                        .param("invitation_expiry_unit", "hours")
                        .param("sender_email", "not an address")
                        .param("allowed_origins", "https://shop.example\nhttps://blog.shop.example")
                        .param("brand_color", "#112233"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("value=\"Renamed shop\"")))
                .andExpect(content().string(containsString("value=\"Nowhere/City\"")))
                .andExpect(content().string(containsString("value=\"ninety\"")))
                .andExpect(content().string(containsString("value=\"not an address\"")))
                .andExpect(content().string(containsString("https://blog.shop.example</textarea>")))
                .andExpect(content()
                        .string(containsString(
                                "id=\"time_zone-error\">Enter a time zone such as Europe/Warsaw or America/New_York.")))
                .andExpect(content()
                        .string(containsString(
                                "id=\"recontact_after_response-error\">Enter a whole number from 0 to 3650 days.")))
                .andExpect(content().string(containsString("id=\"sender_email-error\">Enter an e-mail address")))
                .andExpect(content().string(not(containsString("settings.recontact_after_response"))))
                .andExpect(content().string(not(containsString("ISO-8601"))));
        getJson("/api/v1/workspace")
                .andExpect(content().string(containsString("Europe/Warsaw")))
                .andExpect(content().string(not(containsString("Renamed shop"))));

        mvc.perform(post("/settings")
                        .with(signedIn())
                        .with(csrf())
                        .param("name", "Renamed shop")
                        .param("time_zone", "Europe/Berlin")
                        .param("recontact_after_response_amount", "60")
                        .param("recontact_after_response_unit", "days")
                        .param("recontact_after_invitation_amount", "30")
                        .param("recontact_after_invitation_unit", "days")
                        .param("invitation_expiry_amount", "12")
                        .param("invitation_expiry_unit", "hours")
                        .param("brand_color", "#112233"))
                .andExpect(status().is3xxRedirection());
        getJson("/api/v1/workspace")
                .andExpect(content().string(containsString("Europe/Berlin")))
                .andExpect(content().string(containsString("\"recontact_after_response\":\"P60D\"")))
                .andExpect(content().string(containsString("\"invitation_expiry\":\"PT12H\"")));
        mvc.perform(get("/settings").with(signedIn()))
                .andExpect(content()
                        .string(containsString(
                                "id=\"invitation_expiry_amount\" name=\"invitation_expiry_amount\" value=\"12\"")));
    }

    @Test
    void theIdentitySecretIsShownOnceWhenCreatedAndNeverAgain() throws Exception {
        mvc.perform(get("/settings/widget").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("No secret is set yet")))
                .andExpect(content().string(containsString(">Create secret<")));
        var created = mvc.perform(post("/settings/widget/identity-secret")
                        .with(signedIn())
                        .with(csrf()))
                .andExpect(redirectedUrl("/settings/widget#identity"))
                .andReturn();
        String secret = (String) created.getFlashMap().get("newSecret");
        assertThat(secret).startsWith("ids_");
        mvc.perform(get("/settings/widget").with(signedIn()).flashAttrs(created.getFlashMap()))
                .andExpect(content().string(containsString(secret)));
        mvc.perform(get("/settings/widget").with(signedIn()))
                .andExpect(content().string(not(containsString(secret))))
                .andExpect(content().string(containsString("A secret is set")))
                .andExpect(content().string(containsString(">Rotate secret<")));
        var rotated = mvc.perform(post("/settings/widget/identity-secret")
                        .with(signedIn())
                        .with(csrf()))
                .andReturn();
        assertThat((String) rotated.getFlashMap().get("newSecret")).isNotEqualTo(secret);
        getJson("/api/v1/workspace/identity-secret").andExpect(content().string(not(containsString(secret))));

        mvc.perform(post("/settings/widget")
                        .with(signedIn())
                        .with(csrf())
                        .param("signed_identity_required", "true")
                        .param("writable_attributes", "plan_interest\nemail"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("plan_interest\nemail</textarea>")))
                .andExpect(content().string(containsString("“email” is reserved")));
        getJson("/api/v1/workspace/client-settings").andExpect(content().string(containsString("[]")));
        mvc.perform(post("/settings/widget")
                        .with(signedIn())
                        .with(csrf())
                        .param("signed_identity_required", "true")
                        .param("writable_attributes", "plan_interest"))
                .andExpect(status().is3xxRedirection());
        getJson("/api/v1/workspace/client-settings").andExpect(content().string(containsString("plan_interest")));
        getJson("/api/v1/workspace").andExpect(content().string(containsString("\"signed_identity_required\":true")));
    }

    @Test
    void theLanguagesPageSetsTheDefaultLanguageAndTheWorkspacesOwnWording() throws Exception {
        putTexts("{'texts':{'de':{'respond.submit':'Jetzt senden'}}}");
        mvc.perform(post("/settings/languages").with(signedIn()).with(csrf()).param("default_locale", "not a language"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("value=\"not a language\"")))
                .andExpect(content().string(containsString("Enter a language code such as en, pl or pt-BR.")));
        mvc.perform(post("/settings/languages").with(signedIn()).with(csrf()).param("default_locale", "pl"))
                .andExpect(status().is3xxRedirection());
        getJson("/api/v1/workspace").andExpect(content().string(containsString("\"default_locale\":\"pl\"")));

        mvc.perform(get("/settings/languages").with(signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("shipped: Wyślij")))
                .andExpect(content().string(containsString("Save wording for pl")));
        mvc.perform(post("/settings/languages/texts")
                        .with(signedIn())
                        .with(csrf())
                        .param("locale", "pl")
                        .param("t.respond.submit", "Wyślij teraz")
                        .param("t.respond.required", "x".repeat(2001)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("value=\"Wyślij teraz\"")))
                .andExpect(content()
                        .string(containsString("id=\"t.respond.required-error\">Use at most 2000 characters")));
        mvc.perform(post("/settings/languages/texts")
                        .with(signedIn())
                        .with(csrf())
                        .param("locale", "pl")
                        .param("t.respond.submit", "Wyślij teraz"))
                .andExpect(redirectedUrl("/settings/languages?locale=pl"));
        getJson("/api/v1/workspace/texts")
                .andExpect(content().string(containsString("\"pl\":{\"respond.submit\":\"Wyślij teraz\"}")))
                .andExpect(content().string(containsString("Jetzt senden")));
    }

    void putTexts(String body) throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/workspace/texts")
                        .header("Authorization", "Bearer " + key)
                        .contentType("application/json")
                        .content(json(body)))
                .andExpect(status().isOk());
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
