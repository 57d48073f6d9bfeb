package org.opennps.campaign;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;

/** The campaigns API: validation, versions, status, preview, templates. */
abstract class CampaignApiTests extends ApiTestBase {

    static final String PASSIVES_SURVEY = json("{'name':'Post-purchase NPS','questions':["
            + "{'id':'nps','type':'nps','text':'How likely are you to recommend us to a friend?'},"
            + "{'id':'earn9','type':'text','text':'What could we do to earn a 9 or 10 from you?',"
            + "'show_if':{'category':['passive']}},"
            + "{'id':'area','type':'single_choice','text':'Which area most influenced your score?',"
            + "'options':['Product','Pricing','Support','Delivery','Ease of use','Other'],"
            + "'show_if':{'category':['passive','detractor']}}],'thank_you':'Thank you!'}");

    /** Creates the passives survey in the test's workspace; returns its id. */
    String survey() throws Exception {
        String body = postJson("/api/v1/surveys", PASSIVES_SURVEY)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    static String afterPurchase(String surveyId, String status, String actionJson) {
        return json("{'name':'After purchase','survey_id':'" + surveyId + "','status':'" + status + "',"
                + "'trigger':{'event_type':'order.placed','where':[{'property':'value','op':'gte','value':10}]},"
                + "'exit_on':['order.cancelled'],'sampling_percent':100,'daily_cap':null,"
                + "'steps':[{'type':'delay','duration':'P2D'},"
                + "{'type':'wait_until','days':['MON','TUE','WED','THU','FRI'],'from':'09:00','to':'18:00'},"
                + "{'type':'filter','conditions':[{'type':'event','event_type':'order.picked_up','within':'P2D',"
                + "'match':{'order_id':'{{trigger.order_id}}'}},{'type':'consent'}]},"
                + actionJson + "]}");
    }

    @Test
    void campaignIsCreatedReadListedEditedAsNewVersionActivatedAndPaused() throws Exception {
        String body = afterPurchase(survey(), "draft", "{'type':'action','action':'email','subject':'How did we do?'}");
        String created = postJson("/api/v1/campaigns", body)
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.status").value("draft"))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.trigger.event_type").value("order.placed"))
                .andExpect(jsonPath("$.steps[2].conditions[0].match.order_id").value("{{trigger.order_id}}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");

        getJson("/api/v1/campaigns/" + id).andExpect(jsonPath("$.name").value("After purchase"));
        getJson("/api/v1/campaigns").andExpect(jsonPath("$.items[*].id", hasItem(id)));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/campaigns/" + id)
                        .header("Authorization", "Bearer " + key)
                        .contentType("application/json")
                        .content(body.replace("After purchase", "After purchase v2")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.status").value("draft"))
                .andExpect(jsonPath("$.name").value("After purchase v2"));
        postJson("/api/v1/campaigns/" + id + "/activate", "")
                .andExpect(jsonPath("$.status").value("active"));
        postJson("/api/v1/campaigns/" + id + "/pause", "")
                .andExpect(jsonPath("$.status").value("paused"));
    }

    @Test
    void invalidCampaignNamesEveryFault() throws Exception {
        String bad = json("{'name':'','survey_id':'nope','trigger':{'event_type':'order placed',"
                + "'where':[{'property':'value','op':'between','value':1}]},'sampling_percent':0,"
                + "'steps':[{'type':'delay','duration':'-P1D'},{'type':'teleport'},"
                + "{'type':'filter','conditions':[{'type':'event','event_type':'x','within':'P2D',"
                + "'match':{'order_id':'{{order.id}}'}},{'type':'mood'}]},"
                + "{'type':'wait_until','from':'18:00','to':'09:00'}]}");
        postJson("/api/v1/campaigns", bad)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("survey_id")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("trigger.event_type")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("trigger.where[0].op")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("sampling_percent")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("steps[0].duration")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("steps[1].type")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("steps[2].conditions[0].match.order_id")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("steps[2].conditions[1].type")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("steps[3].to")));
        getJson("/api/v1/campaigns").andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void campaignForASurveyOfNoOneIsRejected() throws Exception {
        postJson(
                        "/api/v1/campaigns",
                        afterPurchase(UUID.randomUUID().toString(), "draft", "{'type':'action','action':'email'}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("survey_id"));
    }

    @Test
    void unknownCampaignIsNotFound() throws Exception {
        getJson("/api/v1/campaigns/" + UUID.randomUUID()).andExpect(status().isNotFound());
    }

    @Test
    void previewTellsWhichStepWouldStopAndWhy() throws Exception {
        clock.set(Instant.parse("2026-11-23T10:00:00Z"));
        String created = postJson(
                        "/api/v1/campaigns",
                        afterPurchase(
                                survey(),
                                "active",
                                "{'type':'action','action':'message','subject':'Thanks','body':'Thank you!'}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");
        postJson(
                "/api/v1/events",
                json("{'events':[{'type':'order.picked_up','contact':{'external_id':'a','email':'a@x.com'},"
                        + "'properties':{'order_id':'o-1'}},{'type':'page.view','contact':{'external_id':'b'}}]}"));

        postJson(
                        "/api/v1/campaigns/" + id + "/preview",
                        json("{'event':{'type':'order.placed','contact':{'external_id':'a'},"
                                + "'properties':{'order_id':'o-1','value':20}}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.would_start").value(true))
                .andExpect(jsonPath("$.steps[0].result").value("wait"))
                .andExpect(jsonPath("$.steps[3].result").value("pass"))
                .andExpect(jsonPath("$.outcome").value("would message to a@x.com"));
        postJson(
                        "/api/v1/campaigns/" + id + "/preview",
                        json("{'event':{'type':'order.placed','contact':{'external_id':'b'},"
                                + "'properties':{'order_id':'o-2','value':20}}}"))
                .andExpect(jsonPath("$.steps[2].result").value("stop"))
                .andExpect(jsonPath("$.steps[2].detail").value("no order.picked_up {order_id=o-2} within PT48H"));
        postJson(
                        "/api/v1/campaigns/" + id + "/preview",
                        json("{'event':{'type':'order.placed','contact':{'external_id':'a'},"
                                + "'properties':{'order_id':'o-1','value':5}}}"))
                .andExpect(jsonPath("$.would_start").value(false))
                .andExpect(jsonPath("$.reason").value("trigger condition value gte 10 is false"));
    }

    @Test
    void templatesCoverTheCommonCases() throws Exception {
        getJson("/api/v1/campaign-templates")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].key", hasItem("after_purchase")))
                .andExpect(jsonPath("$.items[*].key", hasItem("post_trial")))
                .andExpect(jsonPath("$.items[*].key", hasItem("exit_survey")))
                .andExpect(jsonPath("$.items[*].key", hasItem("milestone_nps")));
    }

    @Test
    void webhookSecretIsMaskedOnReadAndKeptWhenAnEditOmitsOrRepeatsIt() throws Exception {
        String secret = "wh-secret-0123456789-abcd";
        String body = afterPurchase(
                survey(),
                "draft",
                "{'type':'action','action':'webhook','url':'https://crm.example/hook','secret':'" + secret + "'}");
        String created = postJson("/api/v1/campaigns", body)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.steps[3].secret").value("••••abcd"))
                .andExpect(jsonPath("$.steps[3].secret_set").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(created, "$.id");
        org.assertj.core.api.Assertions.assertThat(created).doesNotContain("0123456789");
        String read = getJson("/api/v1/campaigns/" + id)
                .andExpect(jsonPath("$.steps[3].secret").value("••••abcd"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(read).doesNotContain("0123456789");
        org.assertj.core.api.Assertions.assertThat(
                        getJson("/api/v1/campaigns").andReturn().getResponse().getContentAsString())
                .doesNotContain("0123456789");

        // the read body sent back as it is (mask and secret_set included) keeps the secret
        put(id, read.replace("After purchase", "After purchase v2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.steps[3].secret").value("••••abcd"));
        org.assertj.core.api.Assertions.assertThat(storedSecret(id, 2)).isEqualTo(secret);
        // an edit without the secret keeps it too
        put(id, body.replace(",\"secret\":\"" + secret + "\"", ""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.steps[3].secret").value("••••abcd"));
        org.assertj.core.api.Assertions.assertThat(storedSecret(id, 3)).isEqualTo(secret);
        // a new secret replaces it
        put(id, body.replace(secret, "another-secret-wxyz9876"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.steps[3].secret").value("••••9876"));
        org.assertj.core.api.Assertions.assertThat(storedSecret(id, 4)).isEqualTo("another-secret-wxyz9876");
        // a preview never shows it
        org.assertj.core.api.Assertions.assertThat(postJson(
                                "/api/v1/campaigns/" + id + "/preview",
                                json("{'event':{'type':'order.placed','contact':{'email':'pre@example.com'},"
                                        + "'properties':{'value':20}}}"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("wxyz");
        // a mask on create has nothing to keep
        postJson("/api/v1/campaigns", body.replace(secret, "••••abcd"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("steps[3].secret"));
    }

    @org.springframework.beans.factory.annotation.Autowired
    CampaignDefinitions definitions;

    private String storedSecret(String id, int version) {
        return definitions.get(UUID.fromString(id), version).action().secret();
    }

    private org.springframework.test.web.servlet.ResultActions put(String id, String body) throws Exception {
        return mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/campaigns/" + id)
                        .header("Authorization", "Bearer " + key)
                        .contentType("application/json")
                        .content(body));
    }
}
