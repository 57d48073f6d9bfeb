package org.opennps.delighted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.opennps.contact.ContactService;
import org.opennps.support.ApiTestBase;
import org.opennps.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The Delighted-compatible API through HTTP: shapes, bodies, suffixes, paging and errors. */
abstract class DelightedApiTests extends ApiTestBase {

    @Autowired
    ContactService contacts;

    @Autowired
    TestMailServer smtp;

    private MockHttpServletRequestBuilder basic(MockHttpServletRequestBuilder request) {
        String credentials = Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
        return request.header("Authorization", "Basic " + credentials);
    }

    private ResultActions postV1(String path, String json) throws Exception {
        return mvc.perform(
                basic(post(path)).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions getV1(String path) throws Exception {
        return mvc.perform(basic(get(path)));
    }

    private String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String person(String email) throws Exception {
        return JsonPath.read(
                body(postV1("/v1/people", json("{'email':'" + email + "','send':false}"))
                        .andExpect(status().isOk())),
                "$.id");
    }

    @Test
    void personIsCreatedWithADelayedSurvey() throws Exception {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        clock.set(now);
        String created = body(postV1(
                        "/v1/people.json",
                        json("{'email':'Ann@Shop.example','name':'Ann','delay':3600,'properties':{'plan':'pro'}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value("ann@shop.example"))
                .andExpect(jsonPath("$.name").value("Ann"))
                .andExpect(jsonPath("$.created_at").value(now.getEpochSecond()))
                .andExpect(jsonPath("$.survey_scheduled_at").value(now.getEpochSecond() + 3600))
                .andExpect(jsonPath("$.next_survey_scheduled_at").value(now.getEpochSecond() + 3600)));
        String id = JsonPath.read(created, "$.id");

        getJson("/api/v1/contacts/" + id)
                .andExpect(jsonPath("$.attributes.plan").value("pro"));
        getJson("/api/v1/invitations?contact_id=" + id)
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].channel").value("email"))
                .andExpect(jsonPath("$.items[0].status").value("scheduled"));
        getJson("/api/v1/surveys")
                .andExpect(
                        jsonPath("$.items[0].name").value(workspace.workspace().name()));
    }

    @Test
    void delayedSurveyIsEmailedWhenDueUnlessCancelled() throws Exception {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String hal = "hal-" + tag + "@shop.example";
        String ivy = "ivy-" + tag + "@shop.example";
        String halId = JsonPath.read(
                body(postV1(
                        "/v1/people",
                        json("{'email':'" + hal + "','delay':600,"
                                + "'properties':{'delighted_email_subject':'Hal, how did we do?'}}"))),
                "$.id");
        postV1("/v1/people", json("{'email':'" + ivy + "','delay':600}")).andExpect(status().isOk());
        mvc.perform(basic(delete("/v1/people/{email}/survey_requests/pending", ivy)))
                .andExpect(status().isOk());

        clock.advance(Duration.ofMinutes(9));
        getJson("/api/v1/invitations?contact_id=" + halId)
                .andExpect(jsonPath("$.items[0].status").value("scheduled"));
        clock.advance(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> !smtp.to(hal).isEmpty());
        assertThat(smtp.to(hal).getFirst().getSubject()).isEqualTo("Hal, how did we do?");
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        body(getJson("/api/v1/invitations?contact_id=" + halId)).contains("\"sent\""));
        assertThat(smtp.to(ivy)).isEmpty();
        getV1("/v1/people")
                .andExpect(jsonPath("$[?(@.id=='" + halId + "')].last_sent_at")
                        .value(Matchers.contains(Matchers.greaterThan(
                                (int) Instant.parse("2026-11-23T10:00:00Z").getEpochSecond()))));
    }

    @Test
    void recentlySurveyedPersonIsNotAskedAgain() throws Exception {
        String id = person("jo@shop.example");
        postV1("/v1/survey_responses", json("{'person':'" + id + "','score':9}"))
                .andExpect(status().isCreated());

        postV1("/v1/people", json("{'email':'jo@shop.example'}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.survey_scheduled_at").doesNotExist())
                .andExpect(jsonPath("$.last_responded_at").isNumber());
        getJson("/api/v1/invitations?contact_id=" + id)
                .andExpect(jsonPath("$.items[0].status").value("suppressed"))
                .andExpect(jsonPath("$.items[0].reason").value("recontact_after_response"));
    }

    @Test
    void formBodyWithNestedPropertiesIsReadLikeJson() throws Exception {
        String created = body(mvc.perform(basic(post("/v1/people"))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("email", "bob@shop.example")
                        .param("properties[plan]", "basic")
                        .param("properties[city]", "Warsaw")
                        .param("delay", "60")
                        .param("send", "false"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.survey_scheduled_at").doesNotExist()));
        String id = JsonPath.read(created, "$.id");

        getJson("/api/v1/contacts/" + id)
                .andExpect(jsonPath("$.attributes.plan").value("basic"))
                .andExpect(jsonPath("$.attributes.city").value("Warsaw"));
        getJson("/api/v1/invitations?contact_id=" + id)
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void pendingSurveyRequestIsCancelled() throws Exception {
        String id = JsonPath.read(body(postV1("/v1/people", json("{'email':'cy@shop.example','delay':600}"))), "$.id");

        mvc.perform(basic(delete(URI.create("/v1/people/cy%40shop.example/survey_requests/pending.json"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true));

        getJson("/api/v1/invitations?contact_id=" + id)
                .andExpect(jsonPath("$.items[0].status").value("suppressed"))
                .andExpect(jsonPath("$.items[0].reason").value("cancelled"));
        getV1("/v1/people.json")
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].next_survey_scheduled_at").value(Matchers.nullValue()));
        mvc.perform(basic(delete(URI.create("/v1/people/nobody%40shop.example/survey_requests/pending"))))
                .andExpect(status().isNotFound());
    }

    @Test
    void unsubscribedPersonGetsNoSurvey() throws Exception {
        postV1("/v1/unsubscribes", json("{'person_email':'dan@shop.example'}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true));

        postV1("/v1/people", json("{'email':'dan@shop.example'}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.survey_scheduled_at").doesNotExist());
        getV1("/v1/unsubscribes.json")
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].email").value("dan@shop.example"))
                .andExpect(jsonPath("$[0].person_id").isString())
                .andExpect(jsonPath("$[0].unsubscribed_at").isNumber());
    }

    @Test
    void bouncedPeopleAreListed() throws Exception {
        String id = person("eve@shop.example");
        contacts.markBounced(workspace.workspace().id(), UUID.fromString(id));

        getV1("/v1/bounces")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].person_id").value(id))
                .andExpect(jsonPath("$[0].email").value("eve@shop.example"))
                .andExpect(jsonPath("$[0].bounced_at").isNumber());
        getV1("/v1/bounces.json?since=" + (Instant.now().getEpochSecond() + 3600))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void responsesArePagedByLinkAndExpandThePerson() throws Exception {
        String id = person("fay@shop.example");
        for (int score : List.of(10, 8, 3)) {
            clock.advance(Duration.ofMinutes(1));
            postV1(
                            "/v1/survey_responses",
                            json("{'person':'" + id + "','score':" + score + ",'comment':'Score " + score
                                    + "','person_properties':{'tier':'gold'}}"))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.person").value(id))
                    .andExpect(jsonPath("$.score").value(score))
                    .andExpect(jsonPath("$.survey_type").value("nps"))
                    .andExpect(jsonPath("$.person_properties.tier").value("gold"));
        }

        ResultActions first = getV1("/v1/survey_responses.json?per_page=2")
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].score").value(10))
                .andExpect(jsonPath("$[0].comment").value("Score 10"))
                .andExpect(jsonPath("$[0].notes").isArray())
                .andExpect(header().string("Link", Matchers.containsString("page=2")));
        String link = first.andReturn().getResponse().getHeader("Link");
        String next = link.substring(link.indexOf("/v1/"), link.indexOf('>'));
        getV1(next)
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].score").value(3))
                .andExpect(header().doesNotExist("Link"));
        getV1("/v1/survey_responses?order=desc&expand[]=person")
                .andExpect(jsonPath("$[0].score").value(3))
                .andExpect(jsonPath("$[0].person.id").value(id))
                .andExpect(jsonPath("$[0].person.email").value("fay@shop.example"));
        getV1("/v1/survey_responses?person_email=nobody@shop.example")
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void metricsAgreeWithAnalytics() throws Exception {
        String id = person("gus@shop.example");
        for (int score : List.of(10, 9, 7, 2)) {
            postV1("/v1/survey_responses", json("{'person':'" + id + "','score':" + score + "}"))
                    .andExpect(status().isCreated());
        }
        String surveyId = JsonPath.read(body(getJson("/api/v1/surveys")), "$.items[0].id");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> JsonPath.<Integer>read(
                                body(getJson("/api/v1/analytics/nps?survey_id=" + surveyId)), "$.responses")
                        == 4);
        Map<String, Object> analytics =
                JsonPath.read(body(getJson("/api/v1/analytics/nps?survey_id=" + surveyId)), "$");

        getV1("/v1/metrics.json")
                .andExpect(jsonPath("$.nps").value(25))
                .andExpect(jsonPath("$.nps").value((int) Math.round((Double) analytics.get("nps"))))
                .andExpect(jsonPath("$.response_count").value(4))
                .andExpect(jsonPath("$.promoter_count").value(2))
                .andExpect(jsonPath("$.promoter_percent").value(50))
                .andExpect(jsonPath("$.passive_count").value(1))
                .andExpect(jsonPath("$.detractor_count").value(1))
                .andExpect(jsonPath("$.detractor_percent").value(25));
        getV1("/v1/metrics?until=" + (Instant.now().getEpochSecond() - 86400))
                .andExpect(jsonPath("$.response_count").value(0))
                .andExpect(jsonPath("$.nps").value(0));
    }

    @Test
    void missingOrWrongKeyIsRefusedWithBasicChallenge() throws Exception {
        mvc.perform(get("/v1/people"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Basic")))
                .andExpect(jsonPath("$.status").value(401));
        String wrong = Base64.getEncoder().encodeToString("not-a-key-of-anyone-1234:".getBytes(StandardCharsets.UTF_8));
        mvc.perform(get("/v1/metrics.json").header("Authorization", "Basic " + wrong))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void brokenRulesAreNamedPerField() throws Exception {
        postV1("/v1/people", json("{'name':'No mail','delay':'soon','send':'maybe'}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.email[0]").value("is required"))
                .andExpect(jsonPath("$.errors.delay").exists())
                .andExpect(jsonPath("$.errors.send").exists());
        postV1("/v1/survey_responses", json("{'person':'" + UUID.randomUUID() + "','score':11}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.person").exists())
                .andExpect(jsonPath("$.errors.score").exists());
        postV1("/v1/people", "{not json").andExpect(status().isBadRequest());
        getV1("/v1/survey_responses?since=yesterday")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.since").exists());
        getV1("/v1/people?per_page=101").andExpect(status().isUnprocessableContent());
    }

    @Test
    void tooManyRequestsAreRefusedWithRetryAfter() throws Exception {
        int status = 200;
        for (int i = 0; i < 200 && status != 429; i++) {
            status = getV1("/v1/bounces").andReturn().getResponse().getStatus();
        }
        assertThat(status).isEqualTo(429);
        getV1("/v1/bounces")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", Matchers.matchesPattern("[1-9][0-9]*")));
    }
}
