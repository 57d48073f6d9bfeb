package org.opennps.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.workspace.CreatedWorkspace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Which survey the widget or an app is handed ({@code /next}), its displays and its answers:
 * display rules, the shared fatigue policy, sticky sampling, signed identities and limits.
 */
abstract class ClientSurveyTests extends ApiTestBase {

    static final String QUESTIONS = "'questions':["
            + "{'id':'nps','type':'nps','text':{'en':'How likely are you to recommend us?','pl':'Czy polecisz nas?'}},"
            + "{'id':'earn9','type':'text','text':'What could we do to earn a 9 or 10?',"
            + "'show_if':{'category':['passive']}},"
            + "{'id':'area','type':'single_choice','text':'Which area?','options':['Product','Pricing'],"
            + "'show_if':{'category':['passive','detractor']},'required':true}],'thank_you':'Thanks!'";

    @Autowired
    JdbcClient jdbc;

    String base;

    @BeforeEach
    void clientBase() {
        base = "/api/v1/client/" + workspace.workspace().publicKey();
    }

    String survey(String display) throws Exception {
        String body = postJson(
                        "/api/v1/surveys",
                        json("{'name':'Web NPS'," + QUESTIONS + (display == null ? "" : ",'display':" + display) + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    ResultActions next(String query) throws Exception {
        return mvc.perform(get(base + "/next?" + query));
    }

    String offered(String query) throws Exception {
        String body =
                next(query).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.display_token");
    }

    ResultActions client(String path, String body) throws Exception {
        return mvc.perform(
                post(base + path).contentType(MediaType.APPLICATION_JSON).content(json(body)));
    }

    void display(String token, String status) throws Exception {
        client("/displays/" + token, "{'status':'" + status + "'}").andExpect(status().isNoContent());
    }

    @Test
    void nothingIsDueWithoutDisplayRulesOrForAnotherTriggerOrPage() throws Exception {
        survey(null);
        next("external_id=c-1&trigger=exit_intent").andExpect(status().isNoContent());
        survey("{'triggers':['exit_intent'],'url_contains':'/checkout'}");
        next("external_id=c-1&trigger=delay&url=/checkout").andExpect(status().isNoContent());
        next("external_id=c-1&trigger=exit_intent&url=/blog").andExpect(status().isNoContent());
        next("external_id=c-1&slot=thank-you").andExpect(status().isNoContent());
        next("external_id=c-1&trigger=exit_intent&url=/checkout/pay").andExpect(status().isOk());
    }

    @Test
    void exitIntentSurveyComesWithLocaleTextsFollowUpsAndBrand() throws Exception {
        patchJson("/api/v1/workspace", json("{'settings':{'brand_color':'#0f766e'}}"))
                .andExpect(status().isOk());
        String surveyId = survey("{'triggers':['exit_intent']}");
        next("anonymous_id=visitor-0001&trigger=exit_intent&locale=pl")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.display_token").isString())
                .andExpect(jsonPath("$.survey.id").value(surveyId))
                .andExpect(jsonPath("$.survey.locale").value("pl"))
                .andExpect(jsonPath("$.survey.brand_color").value("#0f766e"))
                .andExpect(jsonPath("$.survey.thank_you").value("Thanks!"))
                .andExpect(jsonPath("$.survey.questions[0].text").value("Czy polecisz nas?"))
                .andExpect(jsonPath("$.survey.questions[1].show_if.category[0]").value("passive"))
                .andExpect(jsonPath("$.survey.questions[2].options[1]").value("Pricing"))
                .andExpect(jsonPath("$.survey.dir").value("ltr"))
                .andExpect(jsonPath("$.survey.texts.send").value("Wyślij"))
                .andExpect(jsonPath("$.survey.texts['nps.low']").value("Zdecydowanie nie polecę"));
    }

    @Test
    void answerGoesThroughTheHostedPageRulesAndMarksTheInvitationResponded() throws Exception {
        String surveyId = survey("{'triggers':['exit_intent']}");
        String token = offered("external_id=c-1&trigger=exit_intent");
        display(token, "shown");
        client("/responses/" + token, "{'score':7,'answers':{'earn9':'Faster delivery','area':'Pricing'}}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.category").value("passive"))
                .andExpect(jsonPath("$.completed").value(true));
        getJson("/api/v1/responses?survey_id=" + surveyId)
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].score").value(7))
                .andExpect(jsonPath("$.items[0].channel").value("web"))
                .andExpect(jsonPath("$.items[0].answers.earn9").value("Faster delivery"))
                .andExpect(jsonPath("$.items[0].answers.area").value("Pricing"));
        getJson("/api/v1/invitations?status=responded")
                .andExpect(jsonPath("$.total").value(1));
        client("/responses/" + token, "{'score':9}").andExpect(status().isConflict());
        next("external_id=c-1&trigger=exit_intent").andExpect(status().isNoContent());
    }

    @Test
    void followUpsNotShownForTheScoreAreDroppedAndRequiredOnesEnforced() throws Exception {
        String surveyId = survey("{'triggers':['exit_intent']}");
        String token = offered("external_id=c-1&trigger=exit_intent");
        client("/responses/" + token, "{'score':4,'answers':{'earn9':'Not for detractors'}}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("answers.area"));
        client("/responses/" + token, "{'score':10,'answers':{'earn9':'Not for promoters'}}")
                .andExpect(status().isCreated());
        getJson("/api/v1/responses?survey_id=" + surveyId)
                .andExpect(jsonPath("$.items[0].score").value(10))
                .andExpect(jsonPath("$.items[0].answers.earn9").doesNotExist());
    }

    @Test
    void invalidScoreIsRejectedWithItsField() throws Exception {
        survey("{'triggers':['exit_intent']}");
        String token = offered("external_id=c-1&trigger=exit_intent");
        client("/responses/" + token, "{'score':11}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("score"));
        client("/responses/" + token, "{'score':'seven'}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("score"));
        client("/responses/" + token, "{'score':7,'answers':{'area':'Weather'}}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("answers.area"));
        getJson("/api/v1/responses").andExpect(jsonPath("$.total").value(0));
        next("external_id=c-1").andExpect(status().isUnprocessableContent());
    }

    @Test
    void onceMeansNeverAgainEvenAfterTheRecontactWindows() throws Exception {
        survey("{'triggers':['exit_intent'],'mode':'once'}");
        String token = offered("external_id=c-1&trigger=exit_intent");
        assertThat(offered("external_id=c-1&trigger=exit_intent"))
                .as("an offer not shown yet is offered again, not doubled")
                .isNotEqualTo(token);
        getJson("/api/v1/invitations?status=scheduled")
                .andExpect(jsonPath("$.total").value(1));
        display(token, "dismissed");
        clock.advance(Duration.ofDays(400));
        next("external_id=c-1&trigger=exit_intent").andExpect(status().isNoContent());
    }

    @Test
    void untilAnsweredAsksAgainAfterADismissalOnceTheWindowAllows() throws Exception {
        survey("{'triggers':['exit_intent'],'mode':'until_answered'}");
        display(offered("external_id=c-1&trigger=exit_intent"), "dismissed");
        next("external_id=c-1&trigger=exit_intent").andExpect(status().isNoContent());
        clock.advance(Duration.ofDays(31));
        String again = offered("external_id=c-1&trigger=exit_intent");
        client("/responses/" + again, "{'score':10}").andExpect(status().isCreated());
        clock.advance(Duration.ofDays(400));
        next("external_id=c-1&trigger=exit_intent").andExpect(status().isNoContent());
    }

    @Test
    void maxModeStopsAfterNDisplays() throws Exception {
        survey("{'triggers':['exit_intent'],'mode':'max','max':2}");
        display(offered("external_id=c-1&trigger=exit_intent"), "shown");
        clock.advance(Duration.ofDays(31));
        display(offered("external_id=c-1&trigger=exit_intent"), "dismissed");
        clock.advance(Duration.ofDays(31));
        next("external_id=c-1&trigger=exit_intent").andExpect(status().isNoContent());
    }

    @Test
    void dismissalCountsForFatigueAcrossSurveys() throws Exception {
        survey("{'triggers':['exit_intent']}");
        survey("{'triggers':['delay']}");
        display(offered("external_id=c-1&trigger=exit_intent"), "dismissed");
        next("external_id=c-1&trigger=delay").andExpect(status().isNoContent());
        clock.advance(Duration.ofDays(29));
        next("external_id=c-1&trigger=delay").andExpect(status().isNoContent());
        clock.advance(Duration.ofDays(2));
        next("external_id=c-1&trigger=delay").andExpect(status().isOk());
    }

    @Test
    void personSurveyedByEmailLastWeekGetsNothing() throws Exception {
        String surveyId = survey("{'triggers':['exit_intent']}");
        postJson(
                        "/api/v1/invitations",
                        json("{'survey_id':'" + surveyId
                                + "','contact':{'external_id':'c-9','email':'c9@shop.example'}}"))
                .andExpect(status().isCreated());
        clock.advance(Duration.ofDays(7));
        next("external_id=c-9&trigger=exit_intent").andExpect(status().isNoContent());
        next("external_id=c-10&trigger=exit_intent").andExpect(status().isOk());
    }

    @Test
    void samplingIsStickyPerPerson() throws Exception {
        survey("{'triggers':['exit_intent'],'sampling_percent':50}");
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            first.add(next("external_id=s-" + i + "&trigger=exit_intent")
                    .andReturn()
                    .getResponse()
                    .getStatus());
        }
        assertThat(first).contains(200, 204);
        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 16; i++) {
            next("external_id=s-" + i + "&trigger=exit_intent").andExpect(status().is(first.get(i)));
        }
    }

    @Test
    void signedIdentityIsEnforcedWhenRequired() throws Exception {
        survey("{'triggers':['exit_intent']}");
        String secret = JsonPath.read(
                postJson("/api/v1/workspace/identity-secret", "{}")
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.secret");
        getJson("/api/v1/workspace/identity-secret")
                .andExpect(jsonPath("$.configured").value(true))
                .andExpect(jsonPath("$.secret").doesNotExist());
        patchJson("/api/v1/workspace", json("{'settings':{'signed_identity_required':true}}"))
                .andExpect(status().isOk());
        String hash = hmac(secret, "c-1");

        next("external_id=c-1&trigger=exit_intent")
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        next("external_id=c-1&trigger=exit_intent&user_hash=" + hmac(secret, "c-2"))
                .andExpect(status().isForbidden());
        client("/identify", "{'external_id':'c-1'}").andExpect(status().isUnauthorized());
        client("/events", "{'external_id':'c-1','type':'page.view'}").andExpect(status().isUnauthorized());
        client("/identify", "{'external_id':'c-1','user_hash':'" + hash + "'}").andExpect(status().isOk());
        client("/events", "{'external_id':'c-1','user_hash':'" + hash + "','type':'page.view'}")
                .andExpect(status().isAccepted());
        String token = offered("external_id=c-1&trigger=exit_intent&user_hash=" + hash);
        client("/responses/" + token, "{'score':9}").andExpect(status().isUnauthorized());
        client("/responses/" + token, "{'score':9,'user_hash':'" + hash.replace('a', 'b') + "0'}")
                .andExpect(status().isForbidden());
        client("/responses/" + token, "{'score':9,'user_hash':'" + hash + "'}").andExpect(status().isCreated());
        next("anonymous_id=visitor-0001&trigger=exit_intent").andExpect(status().isOk());

        postJson("/api/v1/workspace/identity-secret", "{}").andExpect(status().isCreated());
        client("/identify", "{'external_id':'c-1','user_hash':'" + hash + "'}").andExpect(status().isForbidden());
    }

    @Test
    void nextIsRateLimitedPerKeyAndAddress() throws Exception {
        for (int i = 0; i < 40; i++) {
            next("external_id=c-1&trigger=exit_intent").andExpect(status().isNoContent());
        }
        next("external_id=c-1&trigger=exit_intent")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
    }

    @Test
    void anotherWorkspacesDisplayTokenIsUnknown() throws Exception {
        survey("{'triggers':['exit_intent']}");
        String token = offered("external_id=c-1&trigger=exit_intent");
        CreatedWorkspace other = testWorkspaces.create();
        String otherBase = "/api/v1/client/" + other.workspace().publicKey();
        mvc.perform(post(otherBase + "/displays/" + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'status':'shown'}")))
                .andExpect(status().isNotFound());
        mvc.perform(post(otherBase + "/responses/" + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'score':9}")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        client("/displays/dt_unknown", "{'status':'shown'}").andExpect(status().isNotFound());
    }

    @Test
    void webActionOfACampaignQueuesTheSurveyForTheNextCall() throws Exception {
        String surveyId = survey(null);
        postJson(
                        "/api/v1/campaigns",
                        json("{'name':'Thank-you slot','survey_id':'" + surveyId + "','status':'active',"
                                + "'trigger':{'event_type':'order.placed'},"
                                + "'steps':[{'type':'action','action':'web'}]}"))
                .andExpect(status().isCreated());
        next("external_id=buyer-1&slot=thank-you").andExpect(status().isNoContent());
        // the shop's server reports the order (an event sent with the public key starts no campaign)
        postJson("/api/v1/events", json("{'type':'order.placed','contact':{'external_id':'buyer-1'},'properties':{}}"))
                .andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> getJson("/api/v1/invitations?status=scheduled")
                        .andExpect(jsonPath("$.total").value(1)));
        next("external_id=buyer-1&slot=thank-you")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.survey.id").value(surveyId));
        next("external_id=someone-else&slot=thank-you").andExpect(status().isNoContent());
    }

    @Test
    void theDisplaysOfADeletedCampaignGoAndTheirTokensShowAndAnswerNothing() throws Exception {
        String surveyId = survey(null);
        String campaign = JsonPath.read(
                postJson(
                                "/api/v1/campaigns",
                                json("{'name':'Thank-you slot','survey_id':'" + surveyId + "','status':'active',"
                                        + "'trigger':{'event_type':'order.placed'},"
                                        + "'steps':[{'type':'action','action':'web'}]}"))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        postJson("/api/v1/events", json("{'type':'order.placed','contact':{'external_id':'buyer-2'},'properties':{}}"))
                .andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> getJson("/api/v1/invitations?status=scheduled")
                        .andExpect(jsonPath("$.total").value(1)));
        String token = offered("external_id=buyer-2&slot=thank-you");
        display(token, "shown");

        deleteJson("/api/v1/campaigns/" + campaign + "?confirm=true").andExpect(status().isNoContent());

        assertThat(jdbc.sql("select count(*) from client_display where workspace_id = ?")
                        .param(workspace.workspace().id())
                        .query(Integer.class)
                        .single())
                .isZero();
        client("/displays/" + token, "{'status':'shown'}").andExpect(status().isNotFound());
        client("/responses/" + token, "{'score':9}").andExpect(status().isNotFound());
        next("external_id=buyer-2&slot=thank-you").andExpect(status().isNoContent());
    }

    @Test
    void answersPerSurveyAndAddressAreLimitedAndOutOfRangeScoresRefused() throws Exception {
        survey("{'triggers':['exit_intent']}");
        String first = offered("anonymous_id=visitor-first&trigger=exit_intent");
        client("/responses/" + first, "{'score':2147483648}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("score"));
        for (int i = 0; i < 9; i++) {
            String token = offered("anonymous_id=visitor-" + i + "-x&trigger=exit_intent");
            client("/responses/" + token, "{'score':10}").andExpect(status().isCreated());
        }
        String token = offered("anonymous_id=visitor-99-x&trigger=exit_intent");
        client("/responses/" + token, "{'score':10}")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
    }

    @Test
    void displayRulesAreValidated() throws Exception {
        postJson(
                        "/api/v1/surveys",
                        json("{'name':'x'," + QUESTIONS + ",'display':{'triggers':['hover'],'mode':'max'}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("display.triggers"))
                .andExpect(jsonPath("$.errors[1].field").value("display.max"));
        String id = survey("{'triggers':['exit_intent','event:order.placed'],'slots':['thank-you'],"
                + "'mode':'max','max':3,'sampling_percent':20}");
        getJson("/api/v1/surveys/" + id)
                .andExpect(jsonPath("$.display.triggers[1]").value("event:order.placed"))
                .andExpect(jsonPath("$.display.max").value(3))
                .andExpect(jsonPath("$.display.sampling_percent").value(20));
    }

    @Test
    void erasingThePersonForgetsWhoSawWhichPage() throws Exception {
        survey("{'triggers':['exit_intent']}");
        display(offered("external_id=c-erase&trigger=exit_intent&url=/account/orders"), "shown");
        String contact = JsonPath.read(
                getJson("/api/v1/contacts?external_id=c-erase")
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.items[0].id");
        deleteJson("/api/v1/contacts/" + contact).andExpect(status().isNoContent());
        assertThat(jdbc.sql("select count(*) from client_display where workspace_id = ?"
                                + " and (contact_id is not null or external_id is not null or url is not null)")
                        .param(workspace.workspace().id())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from client_display where workspace_id = ?")
                        .param(workspace.workspace().id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    static String hmac(String secret, String externalId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(externalId.getBytes(StandardCharsets.UTF_8)));
    }
}
