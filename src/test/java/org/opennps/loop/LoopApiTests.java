package org.opennps.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.RecordedEvents;
import org.opennps.workspace.UserService;
import org.springframework.beans.factory.annotation.Autowired;

/** Alert rules and cases; run on H2 and on PostgreSQL by the subclasses. */
abstract class LoopApiTests extends ApiTestBase {

    @Autowired
    RecordedEvents recorded;

    @Autowired
    UserService users;

    String surveyId;

    @BeforeEach
    void survey() throws Exception {
        surveyId = JsonPath.read(
                postJson(
                                "/api/v1/surveys",
                                json("{'name':'NPS','questions':[{'id':'nps','type':'nps','text':'How likely?'},"
                                        + "{'id':'area','type':'single_choice','text':'Area?','required':false,"
                                        + "'options':['Product','Pricing','Delivery']},"
                                        + "{'id':'why','type':'text','text':'Why?','required':false}]}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    String respond(String externalId, int score, String answers) throws Exception {
        return JsonPath.read(
                postJson(
                                "/api/v1/responses",
                                json("{'survey_id':'" + surveyId + "','contact':{'external_id':'" + externalId
                                        + "','attributes':{'city':'Warsaw'}},'score':" + score + ",'answers':" + answers
                                        + ",'channel':'api'}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    List<AlertFired> firedFor(String responseId) {
        return recorded.ofType(AlertFired.class).stream()
                .filter(a -> a.responseId().toString().equals(responseId))
                .toList();
    }

    @Test
    void detractorOpensACaseAndAlertsSupportOnce() throws Exception {
        postJson(
                        "/api/v1/alert-rules",
                        json("{'name':'Detractors','when':{'category':['detractor']},"
                                + "'notify':[{'email':'support@shop.example'},{'webhook':'https://hooks.shop.example/nps'}],"
                                + "'create_case':true}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.notify[0].email").value("support@shop.example"));
        String detractor = respond("c-1", 3, "{'why':'Parcel arrived broken'}");
        String promoter = respond("c-2", 10, "{}");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> getJson("/api/v1/cases?status=open")
                        .andExpect(jsonPath("$.total").value(1))
                        .andExpect(jsonPath("$.items[0].response_id").value(detractor))
                        .andExpect(jsonPath("$.items[0].score").value(3)));
        await().atMost(Duration.ofSeconds(10)).until(() -> firedFor(detractor).size() == 1);
        AlertFired fired = firedFor(detractor).getFirst();
        assertThat(fired.targets()).extracting(AlertFired.Target::type).containsExactly("email", "webhook");
        assertThat(fired.caseId()).isNotNull();
        assertThat(firedFor(promoter)).isEmpty();
    }

    @Test
    void answerRuleFiresOnlyForThatAnswer() throws Exception {
        postJson(
                        "/api/v1/alert-rules",
                        json("{'name':'Delivery passives','when':{'category':['passive'],"
                                + "'answer':{'question':'area','equals':'Delivery'}},'create_case':true}"))
                .andExpect(status().isCreated());
        String delivery = respond("c-1", 7, "{'area':'Delivery'}");
        respond("c-2", 8, "{'area':'Pricing'}");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> getJson("/api/v1/cases")
                        .andExpect(jsonPath("$.total").value(1))
                        .andExpect(jsonPath("$.items[0].response_id").value(delivery)));
    }

    @Test
    void commentWordsMatchWholeWords() throws Exception {
        postJson(
                        "/api/v1/alert-rules",
                        json("{'name':'Refunds','when':{'comment_contains':['refund']},'create_case':true}"))
                .andExpect(status().isCreated());
        String refund = respond("c-1", 6, "{'why':'I want a REFUND now.'}");
        respond("c-2", 6, "{'why':'refunding was quick'}");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> getJson("/api/v1/cases")
                        .andExpect(jsonPath("$.total").value(1))
                        .andExpect(jsonPath("$.items[0].response_id").value(refund)));
    }

    @Test
    void caseIsTakenNotedTaggedAndResolved() throws Exception {
        String response = respond("c-1", 2, "{}");
        String caseId = JsonPath.read(
                postJson("/api/v1/cases", json("{'response_id':'" + response + "'}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        postJson("/api/v1/cases", json("{'response_id':'" + response + "'}"))
                .andExpect(jsonPath("$.id").value(caseId));

        // an owner must be a member of the workspace
        patchJson("/api/v1/cases/" + caseId, json("{'owner':'stranger@elsewhere.example'}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("owner"));
        String eve = "eve-" + UUID.randomUUID().toString().substring(0, 8) + "@shop.example";
        users.createUser(eve, "a-long-enough-password", workspace.workspace().id(), UserService.AGENT);
        patchJson(
                        "/api/v1/cases/" + caseId,
                        json("{'status':'in_progress','owner':'" + eve
                                + "','note':'Called the customer','tags':['delivery','vip']}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("in_progress"))
                .andExpect(jsonPath("$.owner").value(eve))
                .andExpect(jsonPath("$.notes[0].body").value("Called the customer"))
                .andExpect(jsonPath("$.resolved_at").doesNotExist());
        getJson("/api/v1/cases?tag=vip").andExpect(jsonPath("$.total").value(1));
        getJson("/api/v1/cases?owner=" + eve + "&status=in_progress")
                .andExpect(jsonPath("$.total").value(1));
        // a status that does not exist is a fault of the request, not an empty list
        getJson("/api/v1/cases?status=done")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of open, in_progress, resolved"));
        patchJson("/api/v1/cases/" + caseId, json("{'status':'resolved'}"))
                .andExpect(jsonPath("$.resolved_at").exists())
                .andExpect(jsonPath("$.tags", hasItem("vip")));
        patchJson("/api/v1/cases/" + caseId, json("{'status':'done'}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        assertThat(recorded.ofType(CaseUpdated.class).stream()
                        .filter(c -> c.caseId().toString().equals(caseId)))
                .extracting(CaseUpdated::status)
                .containsExactly(CaseStatus.OPEN, CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED);

        var other = testWorkspaces.create();
        mvc.perform(get("/api/v1/cases/" + caseId)
                        .header("Authorization", "Bearer " + other.apiKey().key()))
                .andExpect(status().isNotFound());
    }

    @Test
    void invalidRulesNameEveryFault() throws Exception {
        postJson(
                        "/api/v1/alert-rules",
                        json(
                                "{'when':{'category':['angry'],'score_min':11},'notify':[{'email':'nope'},{'sms':'123'}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("when.category")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("when.score_min")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("notify[0].email")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("notify[1]")));
        postJson("/api/v1/alert-rules", json("{'name':'Does nothing'}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("notify"));
        getJson("/api/v1/alert-rules").andExpect(jsonPath("$.items.length()").value(0));
    }
}
