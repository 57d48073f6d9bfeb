package org.opennps.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.opennps.support.RecordedEvents;
import org.springframework.beans.factory.annotation.Autowired;

/** Server-side responses, listing and erasure; run on H2 and PostgreSQL by the subclasses. */
abstract class ResponseApiTests extends ApiTestBase {

    static final String SURVEY = json("{'name':'Post-purchase NPS','questions':["
            + "{'id':'nps','type':'nps','text':'How likely are you to recommend us?'},"
            + "{'id':'earn9','type':'text','text':'What could we do to earn a 9 or 10 from you?',"
            + "'show_if':{'category':['passive']}},"
            + "{'id':'area','type':'single_choice','text':'Which area?',"
            + "'options':['Product','Pricing','Support','Delivery','Ease of use','Other'],"
            + "'show_if':{'category':['passive','detractor']}},"
            + "{'id':'loved','type':'text','text':'What did you like?','show_if':{'category':['promoter']}}]}");

    @Autowired
    RecordedEvents events;

    String surveyId;

    @BeforeEach
    void survey() throws Exception {
        surveyId = JsonPath.read(
                postJson("/api/v1/surveys", SURVEY).andReturn().getResponse().getContentAsString(), "$.id");
    }

    String respond(String rest) throws Exception {
        return postJson("/api/v1/responses", json("{'survey_id':'" + surveyId + "'," + rest + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void serverSideResponseIsStoredWithSnapshotAndAnnounced() throws Exception {
        String body = respond("'contact':{'external_id':'c-1','attributes':{'city':'Warsaw'}},"
                + "'score':8,'answers':{'area':'Pricing','earn9':'Cheaper shipping'},'channel':'api'");
        String id = JsonPath.read(body, "$.id");
        assertThat(JsonPath.<String>read(body, "$.category")).isEqualTo("passive");
        assertThat(JsonPath.<Boolean>read(body, "$.confirmed")).isTrue();
        assertThat(JsonPath.<String>read(body, "$.contact_attributes.city")).isEqualTo("Warsaw");
        assertThat(JsonPath.<Object>read(body, "$.completed_at")).isNotNull();
        getJson("/api/v1/responses?survey_id=" + surveyId + "&category=passive")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].answers.area").value("Pricing"));
        getJson("/api/v1/responses?category=promoter")
                .andExpect(jsonPath("$.total").value(0));
        getJson("/api/v1/responses?category=happy")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("category"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of detractor, passive, promoter"));
        UUID responseId = UUID.fromString(id);
        assertThat(events.ofType(ResponseRecorded.class))
                .anySatisfy(e -> assertThat(e.responseId()).isEqualTo(responseId));
        assertThat(events.ofType(ResponseScored.class)).anySatisfy(e -> {
            assertThat(e.responseId()).isEqualTo(responseId);
            assertThat(e.score()).isEqualTo(8);
        });
        assertThat(events.ofType(ResponseCompleted.class))
                .anySatisfy(e -> assertThat(e.responseId()).isEqualTo(responseId));
    }

    @Test
    void answersMustFitTheSurveyAndTheScore() throws Exception {
        postJson(
                        "/api/v1/responses",
                        json("{'survey_id':'" + surveyId + "','score':10,"
                                + "'answers':{'area':'Pricing','nope':'x','loved':5}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", hasItem("answers.nope")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("answers.loved")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("answers.area")));
        postJson("/api/v1/responses", json("{'survey_id':'" + surveyId + "','score':11}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("score"));
        postJson("/api/v1/responses", json("{'survey_id':'" + surveyId + "','answers':{}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("score"));
        getJson("/api/v1/responses").andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void erasedPersonLeavesAnAnonymousScore() throws Exception {
        String body = respond("'contact':{'external_id':'gone','attributes':{'city':'Lodz'}},"
                + "'score':3,'answers':{'area':'Support'}");
        String contactId = JsonPath.read(body, "$.contact_id");
        postJson(
                        "/api/v1/responses",
                        json("{'survey_id':'" + surveyId + "','contact':{'external_id':'gone'},'score':8,"
                                + "'answers':{'earn9':'My name is Ann','area':'Pricing'}}"))
                .andExpect(status().isCreated());
        deleteJson("/api/v1/contacts/" + contactId).andExpect(status().isNoContent());
        String list = getJson("/api/v1/responses?survey_id=" + surveyId)
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<Object>>read(list, "$.items[*].contact_id")).containsOnlyNulls();
        assertThat(list).doesNotContain("My name is Ann").doesNotContain("Lodz");
        assertThat(JsonPath.<List<Integer>>read(list, "$.items[*].score")).containsExactlyInAnyOrder(3, 8);
        assertThat(JsonPath.<List<String>>read(list, "$.items[*].answers.area"))
                .containsExactlyInAnyOrder("Support", "Pricing");
    }

    @Test
    void exportHasOneColumnPerQuestionAndKeepsTextIntact() throws Exception {
        respond("'contact':{'external_id':'c-1','attributes':{'city':'Warsaw'}},'score':8,"
                + "'answers':{'area':'Pricing','earn9':'<script>alert(1)</script>, \\\"quoted\\\"\\nline'}");
        respond("'score':3,'answers':{'area':'Support'}");
        respond("'score':10,'answers':{'loved':'=HYPERLINK(1)'}");
        var result = getJson("/api/v1/responses/export.csv?survey_id=" + surveyId)
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith("text/csv"))
                .andReturn();
        String csv = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new java.io.StringReader(csv))) {
            assertThat(parser.getHeaderNames())
                    .containsSubsequence(
                            "response_id", "score", "category", "earn9", "area", "loved", "contact_attributes");
            var records = parser.getRecords();
            assertThat(records).hasSize(3);
            var passive = records.stream()
                    .filter(r -> r.get("score").equals("8"))
                    .findFirst()
                    .orElseThrow();
            assertThat(passive.get("earn9")).isEqualTo("<script>alert(1)</script>, \"quoted\"\nline");
            assertThat(passive.get("area")).isEqualTo("Pricing");
            assertThat(passive.get("category")).isEqualTo("passive");
            assertThat(passive.get("contact_attributes")).contains("Warsaw");
            var promoter = records.stream()
                    .filter(r -> r.get("score").equals("10"))
                    .findFirst()
                    .orElseThrow();
            assertThat(promoter.get("loved")).isEqualTo("'=HYPERLINK(1)");
        }
        getJson("/api/v1/responses/export.csv?category=passive").andExpect(status().isOk());
        getJson("/api/v1/responses/export.csv?since=yesterday").andExpect(status().isUnprocessableContent());
    }
}
