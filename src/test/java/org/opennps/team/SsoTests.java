package org.opennps.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.TestOidcProvider;
import org.opennps.workspace.Role;
import org.opennps.workspace.SignInOptions;
import org.opennps.workspace.UserService;
import org.opennps.workspace.WorkspaceService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * Single sign-on against a real OpenID Connect provider on loopback: the app redirects there,
 * the provider issues a code, the app exchanges it and matches the person by e-mail.
 */
abstract class SsoTests extends ApiTestBase {

    @Autowired
    TestOidcProvider provider;

    @Autowired
    UserService users;

    @Autowired
    WorkspaceService workspaces;

    @Autowired
    SignInOptions signInOptions;

    /** Runs the authorization code flow for this person; returns the session and where it landed. */
    String[] signInWithSso(MockHttpSession session, Map<String, Object> claims) throws Exception {
        String authorize = mvc.perform(get("/oauth2/authorization/sso").session(session))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(authorize).startsWith("http://127.0.0.1:" + provider.port() + "/sso/authorize");
        provider.nextSignIn("sub-" + UUID.randomUUID(), claims);
        HttpResponse<Void> issued;
        try (HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            issued = http.send(
                    HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        URI callback = URI.create(issued.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getPath()).isEqualTo("/login/oauth2/code/sso");
        String landed = mvc.perform(get(URI.create(callback.getPath() + "?" + callback.getRawQuery()))
                        .session(session))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return new String[] {landed};
    }

    static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
    }

    @Test
    void theSignInPageOffersTheProvider() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(content().string(containsString("Sign in with Test SSO")))
                .andExpect(content().string(containsString("/oauth2/authorization/sso")));
    }

    @Test
    void anInvitedAgentSignsInWithSsoAndWorksOnlyTheirWorkspace() throws Exception {
        String eve = address("eve");
        postJson("/api/v1/members", json("{'email':'" + eve + "','role':'agent'}"))
                .andExpect(jsonPath("$.status").value("invited"));
        var session = new MockHttpSession();

        String landed = signInWithSso(session, Map.of("email", eve.toUpperCase(), "email_verified", true))[0];

        assertThat(landed).isEqualTo("/");
        mvc.perform(get("/responses").session(session)).andExpect(status().isOk());
        mvc.perform(get("/settings").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(workspace.workspace().name())));
        getJson("/api/v1/members")
                .andExpect(
                        jsonPath("$.items[?(@.email == '" + eve + "')].status").value("active"));
    }

    @Test
    void aNewPersonIsCreatedWithTheDefaultRole() throws Exception {
        String newcomer = address("new");
        var session = new MockHttpSession();

        assertThat(signInWithSso(session, Map.of("email", newcomer, "name", "New Comer"))[0])
                .isEqualTo("/");

        var user = users.signedInByEmail(newcomer).orElseThrow();
        var fallback = workspaces.findBySlug("default").orElseThrow();
        assertThat(users.roleIn(fallback.id(), user.id())).contains(Role.VIEWER);
        mvc.perform(get("/responses").session(session)).andExpect(status().isOk());
        mvc.perform(get("/settings").session(session)).andExpect(status().isForbidden());
    }

    @Test
    void anUnverifiedAddressIsNotLetIn() throws Exception {
        String who = address("unverified");
        users.createUser(who, "correct horse battery", workspace.workspace().id(), UserService.OWNER);
        var session = new MockHttpSession();

        assertThat(signInWithSso(session, Map.of("email", who, "email_verified", false))[0])
                .isEqualTo("/login?sso-refused");
        mvc.perform(get("/login?sso-refused")).andExpect(content().string(containsString("did not let you in")));
    }

    @Test
    void passwordSignInCanBeSwitchedOff() throws Exception {
        String who = address("pw");
        users.createUser(who, "correct horse battery", workspace.workspace().id(), UserService.AGENT);
        try {
            signInOptions.passwordSignIn(false);
            mvc.perform(formLogin().user(who).password("correct horse battery"))
                    .andExpect(redirectedUrl("/login?error"));
            mvc.perform(get("/login"))
                    .andExpect(content().string(not(containsString("name=\"password\""))))
                    .andExpect(content().string(containsString("Sign in with Test SSO")));
            var session = new MockHttpSession();
            assertThat(signInWithSso(session, Map.of("email", who))[0]).isEqualTo("/");
        } finally {
            signInOptions.passwordSignIn(true);
        }
        mvc.perform(formLogin().user(who).password("correct horse battery")).andExpect(redirectedUrl("/"));
    }
}
