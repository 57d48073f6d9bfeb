package org.opennps.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.opennps.support.ApiTestBase;
import org.opennps.workspace.SignedInUser;
import org.opennps.workspace.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A signed-in admin of the test's workspace and short-hands to record answers. */
abstract class AdminPageTestBase extends ApiTestBase {

    @Autowired
    UserService users;

    String adminEmail;
    SignedInUser admin;

    @BeforeEach
    void signInAdmin() {
        adminEmail = "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        users.createUser(
                adminEmail, "correct horse battery", workspace.workspace().id(), UserService.ADMIN);
        admin = users.loadUserByUsername(adminEmail);
    }

    RequestPostProcessor signedIn() {
        return user(admin);
    }

    /** An admin of another workspace, who must see none of this one. */
    RequestPostProcessor outsider() {
        var other = testWorkspaces.create();
        String email = "other-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        users.createUser(email, "correct horse battery", other.workspace().id(), UserService.ADMIN);
        return user(users.loadUserByUsername(email));
    }

    /** Records a response through the API; returns its id. */
    String respond(String surveyId, String contact, int score, String answers) throws Exception {
        return JsonPath.read(
                postJson(
                                "/api/v1/responses",
                                json("{'survey_id':'" + surveyId + "','score':" + score + ",'contact':{'external_id':'"
                                        + contact + "','attributes':{'city':'Warsaw'}},'answers':{" + answers + "}}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    /** Waits until analytics counted {@code n} answers (its projection runs after commit). */
    void awaitCounted(int n) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Integer counted = JsonPath.read(
                    getJson("/api/v1/analytics/nps").andReturn().getResponse().getContentAsString(), "$.responses");
            assertThat(counted).isEqualTo(n);
        });
    }
}
