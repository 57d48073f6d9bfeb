package org.opennps.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/** Responses recorded through the API show up in analytics; run on H2 and PostgreSQL. */
abstract class AnalyticsEndToEndTests extends ApiTestBase {

    static final String SURVEY = json("{'name':'Post-purchase NPS','questions':["
            + "{'id':'nps','type':'nps','text':'How likely are you to recommend us?'},"
            + "{'id':'earn9','type':'text','text':'What could we do to earn a 9 or 10 from you?',"
            + "'show_if':{'category':['passive']}},"
            + "{'id':'topic','type':'single_choice','text':'Which area?',"
            + "'options':['Product','Pricing','Support','Delivery','Ease of use','Other'],"
            + "'show_if':{'category':['passive','detractor']}}]}");

    String surveyId;

    @BeforeEach
    void survey() throws Exception {
        surveyId = JsonPath.read(
                postJson("/api/v1/surveys", SURVEY).andReturn().getResponse().getContentAsString(), "$.id");
    }

    @Test
    void recordedResponsesCountWithTheirSnapshotAreaAndComment() throws Exception {
        respond("'contact':{'external_id':'c-1','attributes':{'city':'Warsaw'}},'score':8,"
                + "'answers':{'topic':'Pricing','earn9':'Cheaper shipping please'}");
        respond("'contact':{'external_id':'c-2','attributes':{'city':'Krakow'}},'score':10");
        respond(
                "'contact':{'external_id':'c-3','attributes':{'city':'Warsaw'}},'score':2,'answers':{'topic':'Support'}");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(responses("")).isEqualTo(3));
        assertThat(responses("?where=city:Warsaw")).isEqualTo(2);
        getJson("/api/v1/analytics/nps?survey_id=" + surveyId)
                .andExpect(MockMvcResultMatchers.jsonPath("$.nps").value(0.0));
        getJson("/api/v1/analytics/areas?category=passive")
                .andExpect(MockMvcResultMatchers.jsonPath("$.categories[0].areas[1].count")
                        .value(1));
        getJson("/api/v1/analytics/themes?category=passive")
                .andExpect(MockMvcResultMatchers.jsonPath("$.categories[0].comments")
                        .value(1))
                .andExpect(MockMvcResultMatchers.jsonPath("$.categories[0].themes[0].examples[0].text")
                        .value("Cheaper shipping please"));
    }

    @Test
    void anErasedPersonKeepsTheScoreButNotTheSegment() throws Exception {
        respond("'contact':{'external_id':'gone','attributes':{'city':'Warsaw'}},'score':9");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(responses("?where=city:Warsaw")).isEqualTo(1));
        String contactId = JsonPath.read(
                getJson("/api/v1/contacts?external_id=gone")
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.items[0].id");
        clock.advance(Duration.ofSeconds(5));
        deleteJson("/api/v1/contacts/" + contactId);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(responses("?where=city:Warsaw")).isZero());
        assertThat(responses("")).isEqualTo(1);
    }

    private void respond(String rest) throws Exception {
        postJson("/api/v1/responses", json("{'survey_id':'" + surveyId + "'," + rest + "}"))
                .andExpect(MockMvcResultMatchers.status().isCreated());
    }

    private int responses(String query) throws Exception {
        String body = getJson("/api/v1/analytics/nps" + query)
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.responses");
    }
}
