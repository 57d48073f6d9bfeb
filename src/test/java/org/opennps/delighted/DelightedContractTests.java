package org.opennps.delighted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.workspace.CreatedWorkspace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One test per call that broke a real Delighted integration: retrieve and update of responses,
 * people filters and cursor paging, incremental syncs, trends, metrics, raw brackets, Delighted's
 * error shape and status codes, property names with spaces, the survey's name and links behind
 * a proxy.
 */
abstract class DelightedContractTests extends ApiTestBase {

    static final String TREND_SURVEY = json("{'name':'Checkout','questions':["
            + "{'id':'nps','type':'nps','text':'How likely are you to recommend us?'},"
            + "{'id':'why','type':'text','text':'Why?','required':false},"
            + "{'id':'area','type':'single_choice','text':'Which area?','options':['Product','Support'],"
            + "'required':false}],'thank_you':'Thanks!'}");

    @LocalServerPort
    int port;

    @Autowired
    PublicBase publicBase;

    private MockHttpServletRequestBuilder basic(MockHttpServletRequestBuilder request, String apiKey) {
        String credentials = Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
        return request.header("Authorization", "Basic " + credentials);
    }

    private ResultActions v1(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(basic(request, key));
    }

    private ResultActions postV1(String path, String body) throws Exception {
        return v1(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions putV1(String path, String body) throws Exception {
        return v1(put(path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String person(String email) throws Exception {
        return JsonPath.read(
                body(postV1("/v1/people", json("{'email':'" + email + "','send':false}"))
                        .andExpect(status().isOk())),
                "$.id");
    }

    private String response(String personId, int score, String extra) throws Exception {
        return JsonPath.read(
                body(postV1("/v1/survey_responses", json("{'person':'" + personId + "','score':" + score + extra + "}"))
                        .andExpect(status().isCreated())),
                "$.id");
    }

    private static String next(ResultActions result) {
        String link = result.andReturn().getResponse().getHeader("Link");
        assertThat(link).endsWith("; rel=\"next\"");
        return link.substring(1, link.indexOf('>'));
    }

    @Test
    void responseIsRetrievedAndUpdatedAsTheClientsSaveIt() throws Exception {
        String ann = person("ann@shop.example");
        String id = response(ann, 9, ",'comment':'Quick','person_properties':{'Purchase Experience':'Store'}");

        String retrieved = body(v1(get("/v1/survey_responses/" + id + ".json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.person").value(ann))
                .andExpect(jsonPath("$.score").value(9))
                .andExpect(jsonPath("$.comment").value("Quick"))
                .andExpect(jsonPath("$.created_at").isNumber())
                .andExpect(
                        jsonPath("$.person_properties['Purchase Experience']").value("Store"))
                .andExpect(jsonPath("$.tags").isEmpty())
                .andExpect(jsonPath("$.notes").isEmpty()));
        assertThat(JsonPath.<String>read(retrieved, "$.permalink")).endsWith("/responses/" + id);

        clock.advance(Duration.ofMinutes(5));
        String saved = body(putV1(
                        "/v1/survey_responses/" + id,
                        json("{'score':3,'comment':'Slow in the end','person_properties':{'segment':'Online'},"
                                + "'tags':['vip','late'],'notes':['Called back']}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.score").value(3))
                .andExpect(jsonPath("$.comment").value("Slow in the end"))
                .andExpect(jsonPath("$.person_properties.segment").value("Online"))
                .andExpect(
                        jsonPath("$.person_properties['Purchase Experience']").value("Store"))
                .andExpect(jsonPath("$.tags", Matchers.contains("vip", "late")))
                .andExpect(jsonPath("$.notes[0].text").value("Called back"))
                .andExpect(jsonPath("$.notes[0].id").isString()));
        String noteId = JsonPath.read(saved, "$.notes[0].id");
        long updatedAt = JsonPath.<Number>read(saved, "$.updated_at").longValue();
        assertThat(updatedAt).isEqualTo(clock.instant().getEpochSecond());

        // Delighted's save sends back the whole object it holds, read-only fields included
        clock.advance(Duration.ofMinutes(1));
        putV1("/v1/survey_responses/" + id, saved.replace("\"score\":3", "\"score\":4"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.score").value(4))
                .andExpect(jsonPath("$.notes.length()").value(1))
                .andExpect(jsonPath("$.notes[0].id").value(noteId))
                .andExpect(jsonPath("$.tags.length()").value(2));
        v1(get("/v1/survey_responses/" + id))
                .andExpect(jsonPath("$.score").value(4))
                .andExpect(jsonPath("$.comment").value("Slow in the end"));

        // NPS follows the change: the response now counts as a detractor
        String surveyId = JsonPath.read(body(getJson("/api/v1/surveys")), "$.items[0].id");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> JsonPath.<Integer>read(
                                body(getJson("/api/v1/analytics/nps?survey_id=" + surveyId)), "$.detractors")
                        == 1);

        putV1("/v1/survey_responses/" + id, json("{'score':12}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.score").exists());
        v1(get("/v1/survey_responses/123")).andExpect(status().isNotFound());
        putV1("/v1/survey_responses/123", json("{'score':1}")).andExpect(status().isNotFound());
        CreatedWorkspace other = testWorkspaces.create();
        mvc.perform(basic(get("/v1/survey_responses/" + id), other.apiKey().key()))
                .andExpect(status().isNotFound());
    }

    @Test
    void responsesOfATrendCarryAdditionalAnswersWhichCanBeUpdated() throws Exception {
        String trend =
                JsonPath.read(body(postJson("/api/v1/surveys", TREND_SURVEY).andExpect(status().isCreated())), "$.id");
        String created = body(postJson(
                        "/api/v1/responses",
                        json("{'survey_id':'" + trend + "','contact':{'email':'bo@shop.example'},'score':6,"
                                + "'answers':{'why':'Too slow','area':'Support'}}"))
                .andExpect(status().isCreated()));
        String id = JsonPath.read(created, "$.id");
        person("cy@shop.example");
        response(person("dee@shop.example"), 10, "");

        v1(get("/v1/survey_responses?trend=" + trend))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].additional_answers[?(@.question.id=='why')].value.free_response")
                        .value(Matchers.contains("Too slow")))
                .andExpect(jsonPath("$[0].additional_answers[?(@.question.id=='area')].value.select_one.text")
                        .value(Matchers.contains("Support")))
                .andExpect(jsonPath("$[0].additional_answers[?(@.question.id=='area')].question.type")
                        .value(Matchers.contains("select_one")));
        putV1(
                        "/v1/survey_responses/" + id,
                        json("{'additional_answers':[{'question':{'id':'area'},"
                                + "'value':{'select_one':{'id':'Product','text':'Product'}}}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.additional_answers[?(@.question.id=='area')].value.select_one.text")
                        .value(Matchers.contains("Product")))
                .andExpect(jsonPath("$.additional_answers[?(@.question.id=='why')].value.free_response")
                        .value(Matchers.contains("Too slow")));
        getJson("/api/v1/responses/" + id).andExpect(jsonPath("$.answers.area").value("Product"));

        v1(get("/v1/survey_responses?trend=not-a-trend")).andExpect(status().isUnprocessableContent());
    }

    @Test
    void peopleAreFilteredByEmailPhoneAndCreationTime() throws Exception {
        Instant start = Instant.parse("2026-10-01T08:00:00Z");
        clock.set(start);
        person("first@shop.example");
        clock.advance(Duration.ofDays(1));
        String second = JsonPath.read(
                body(postV1(
                        "/v1/people",
                        json("{'email':'second@shop.example','phone_number':'+48600100200','send':false}"))),
                "$.id");
        clock.advance(Duration.ofDays(1));
        person("third@shop.example");

        v1(get("/v1/people?email=Second@Shop.example"))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(second));
        v1(get(URI.create("/v1/people?phone_number=%2B48600100200")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].phone_number").value("+48600100200"));
        v1(get("/v1/people?email=nobody@shop.example"))
                .andExpect(jsonPath("$.length()").value(0));
        long day2 = start.plus(Duration.ofDays(1)).getEpochSecond();
        v1(get("/v1/people?since=" + day2))
                .andExpect(jsonPath("$[*].email", Matchers.contains("second@shop.example", "third@shop.example")));
        v1(get("/v1/people?until=" + day2))
                .andExpect(jsonPath("$[*].email", Matchers.contains("first@shop.example", "second@shop.example")));
        v1(get("/v1/people?since=" + day2 + "&until=" + day2))
                .andExpect(jsonPath("$[*].email", Matchers.contains("second@shop.example")));
        v1(get(URI.create("/v1/people?email=a@shop.example&phone_number=%2B48600100200")))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void peoplePagesFollowACursorOldestFirstSoNoOneIsListedTwice() throws Exception {
        clock.set(Instant.parse("2026-10-01T08:00:00Z"));
        for (String name : List.of("p1", "p2", "p3")) {
            person(name + "@shop.example");
            clock.advance(Duration.ofMinutes(1));
        }
        ResultActions first = v1(get("/v1/people.json?per_page=2"))
                .andExpect(jsonPath("$[*].email", Matchers.contains("p1@shop.example", "p2@shop.example")));
        String link = next(first);
        assertThat(link).contains("page_info=").contains("per_page=2");

        person("p4@shop.example"); // added between two pages
        v1(get(URI.create(link)))
                .andExpect(jsonPath("$[*].email", Matchers.contains("p3@shop.example", "p4@shop.example")))
                .andExpect(header().doesNotExist("Link"));
        v1(get("/v1/people?page_info=garbage")).andExpect(status().isUnprocessableContent());
    }

    @Test
    void incrementalSyncFetchesOnlyWhatChangedInTheWindow() throws Exception {
        Instant start = Instant.parse("2026-10-01T08:00:00Z");
        clock.set(start);
        String p = person("sync@shop.example");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(response(p, 5 + i, ""));
            clock.advance(Duration.ofDays(1));
        }
        clock.set(start.plus(Duration.ofDays(10)));
        putV1("/v1/survey_responses/" + ids.get(1), json("{'comment':'Later thoughts'}"))
                .andExpect(status().isOk());
        long from = start.plus(Duration.ofDays(9)).getEpochSecond();
        long to = start.plus(Duration.ofDays(11)).getEpochSecond();

        v1(get("/v1/survey_responses?updated_since=" + from + "&updated_until=" + to))
                .andExpect(jsonPath("$[*].id", Matchers.contains(ids.get(1))));
        v1(get("/v1/survey_responses?order=desc:updated_at"))
                .andExpect(jsonPath("$[0].id").value(ids.get(1)))
                .andExpect(jsonPath("$[1].id").value(ids.get(3)));
        v1(get("/v1/survey_responses?order=asc:updated_at&updated_until="
                        + start.plus(Duration.ofDays(2)).getEpochSecond()))
                .andExpect(jsonPath("$[*].id", Matchers.contains(ids.get(0), ids.get(2))));
        v1(get("/v1/survey_responses?order=sideways")).andExpect(status().isUnprocessableContent());
    }

    @Test
    void metricsHaveWholePercentagesGroupsAndTrends() throws Exception {
        String p = person("m@shop.example");
        for (int score : List.of(10, 10, 0)) {
            response(p, score, "");
        }
        String trend =
                JsonPath.read(body(postJson("/api/v1/surveys", TREND_SURVEY).andExpect(status().isCreated())), "$.id");
        postJson(
                        "/api/v1/responses",
                        json("{'survey_id':'" + trend + "','contact':{'email':'t@shop.example'},'score':8}"))
                .andExpect(status().isCreated());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> JsonPath.<Integer>read(body(v1(get("/v1/metrics"))), "$.response_count") == 3);

        v1(get("/v1/metrics.json?groups[]=core"))
                .andExpect(jsonPath("$.nps").value(33))
                .andExpect(jsonPath("$.promoter_percent").value(67))
                .andExpect(jsonPath("$.detractor_percent").value(33))
                .andExpect(jsonPath("$.passive_percent").value(0));
        assertThat(body(v1(get("/v1/metrics")))).doesNotContain(".");
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        JsonPath.<Integer>read(body(v1(get("/v1/metrics?trend=" + trend))), "$.response_count") == 1);
        v1(get("/v1/metrics?trend=" + trend))
                .andExpect(jsonPath("$.passive_count").value(1))
                .andExpect(jsonPath("$.passive_percent").value(100))
                .andExpect(jsonPath("$.nps").value(0));
        v1(get("/v1/metrics?groups[]=email"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.groups").exists());
    }

    @Test
    void rawBracketsInTheQueryAreAcceptedByTheServer() throws Exception {
        String p = person("raw@shop.example");
        response(p, 9, "");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
        for (String query : List.of("/v1/survey_responses.json?expand[]=person", "/v1/metrics.json?groups[]=core")) {
            HttpResponse<String> answer = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + query))
                            .header("Authorization", auth)
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(query).isEqualTo(200);
            if (query.contains("expand")) {
                assertThat(JsonPath.<String>read(answer.body(), "$[0].person.email"))
                        .isEqualTo("raw@shop.example");
            }
        }
    }

    @Test
    void errorsOnV1HaveDelightedsShapeAndJsonType() throws Exception {
        postV1("/v1/people", json("{'name':'No mail'}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.message").isString())
                .andExpect(jsonPath("$.errors.email", Matchers.contains("is required")));
        mvc.perform(get("/v1/people"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Basic")));
        v1(get("/v1/no_such_thing"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
        // the rest of the API keeps problem+json
        postJson("/api/v1/responses", "{}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void propertyNamesWithSpacesAndListValuesAreStoredAndAnswered() throws Exception {
        String created = body(postV1(
                        "/v1/people",
                        json("{'email':'jony@shop.example','send':false,"
                                + "'properties':{'Purchase Experience':'Mobile App','State':'CA',"
                                + "'Interests':['Shoes','Bags'],'customer_id':123}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.properties['Purchase Experience']").value("Mobile App"))
                .andExpect(jsonPath("$.properties.Interests", Matchers.contains("Shoes", "Bags")))
                .andExpect(jsonPath("$.properties.customer_id").value(123)));
        String id = JsonPath.read(created, "$.id");
        getJson("/api/v1/contacts/" + id)
                .andExpect(jsonPath("$.attributes['Purchase Experience']").value("Mobile App"))
                .andExpect(jsonPath("$.attributes.Interests", Matchers.contains("Shoes", "Bags")));
        v1(get("/v1/people/" + id)).andExpect(jsonPath("$.properties.State").value("CA"));
        // the form encoding of the Ruby client and curl
        v1(post("/v1/people")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("email", "form@shop.example")
                        .param("send", "false")
                        .param("properties[Purchase Experience]", "Retail Store")
                        .param("properties[Interests][]", "Shoes", "Hats"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.properties['Purchase Experience']").value("Retail Store"))
                .andExpect(jsonPath("$.properties.Interests", Matchers.contains("Shoes", "Hats")));
    }

    @Test
    void deletingAPersonAnswers202AndUnknownIdsAnswer404() throws Exception {
        String id = person("gone@shop.example");
        postV1("/v1/people", json("{'email':'phone@shop.example','phone_number':'+14155551212','send':false}"))
                .andExpect(status().isOk());

        v1(delete("/v1/people/" + id))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.ok").value(true));
        v1(delete("/v1/people/" + id)).andExpect(status().isNotFound());
        v1(delete("/v1/people/42")).andExpect(status().isNotFound());
        v1(delete("/v1/people/email:nobody@shop.example")).andExpect(status().isNotFound());
        v1(delete("/v1/people/phone_number:+14155551212")).andExpect(status().isAccepted());
        v1(get("/v1/people?email=phone@shop.example"))
                .andExpect(jsonPath("$.length()").value(0));
        v1(get("/v1/people/42")).andExpect(status().isNotFound());
    }

    @Test
    void theDelightedSurveyIsNamedAfterTheWorkspace() throws Exception {
        response(person("named@shop.example"), 8, "");
        getJson("/api/v1/surveys")
                .andExpect(
                        jsonPath("$.items[0].name").value(workspace.workspace().name()))
                .andExpect(jsonPath("$.items[*].name", Matchers.not(Matchers.hasItem("Delighted NPS"))));
    }

    @Test
    void linksUseThePublicUrlBehindAProxy() throws Exception {
        person("link2@shop.example");
        String p = person("link@shop.example");
        for (int i = 0; i < 3; i++) {
            response(p, 9, "");
        }
        publicBase.use("https://nps.shop.example/");
        try {
            String link = next(
                    v1(get("/v1/survey_responses?per_page=2&expand[]=person").header("X-Forwarded-Proto", "http")));
            assertThat(link)
                    .startsWith("https://nps.shop.example/v1/survey_responses?")
                    .contains("page=2");
            v1(get("/v1/survey_responses/" + JsonPath.read(body(v1(get("/v1/survey_responses"))), "$[0].id")))
                    .andExpect(jsonPath("$.permalink", Matchers.startsWith("https://nps.shop.example/responses/")));
            assertThat(next(v1(get("/v1/people?per_page=1")))).startsWith("https://nps.shop.example/v1/people?");
        } finally {
            publicBase.use(null);
        }
    }

    @Test
    void createdAtIsKeptOnV1AndApiWrites() throws Exception {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        clock.set(now);
        long monthAgo = now.minus(Duration.ofDays(30)).getEpochSecond();
        String p = person("then@shop.example");
        postV1("/v1/survey_responses", json("{'person':'" + p + "','score':7,'created_at':" + monthAgo + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.created_at").value(monthAgo));
        postV1(
                        "/v1/survey_responses",
                        json("{'person':'" + p + "','score':7,'created_at':" + (now.getEpochSecond() + 3600) + "}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.created_at").exists());
        String trend =
                JsonPath.read(body(postJson("/api/v1/surveys", TREND_SURVEY).andExpect(status().isCreated())), "$.id");
        postJson(
                        "/api/v1/responses",
                        json("{'survey_id':'" + trend + "','contact':{'email':'then@shop.example'},'score':9,"
                                + "'created_at':'2026-10-24T10:00:00Z'}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.started_at").value(Matchers.startsWith("2026-10-24T10:00")));
        postJson(
                        "/api/v1/responses",
                        json("{'survey_id':'" + trend + "','score':9,'created_at':'2027-01-01T00:00:00Z'}"))
                .andExpect(status().isUnprocessableContent());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> JsonPath.<Integer>read(
                                body(getJson("/api/v1/analytics/nps?survey_id=" + trend
                                        + "&since=2026-10-24T00:00:00Z&until=2026-10-25T00:00:00Z")),
                                "$.responses")
                        == 1);
        Map<String, Object> none = JsonPath.read(
                body(getJson("/api/v1/analytics/nps?survey_id=" + trend + "&since=2026-11-01T00:00:00Z")), "$");
        assertThat(none.get("responses")).isEqualTo(0);
    }
}
