package org.opennps.survey;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import tools.jackson.databind.json.JsonMapper;

/** The surveys API; run on H2 and on PostgreSQL by the subclasses. */
abstract class SurveyApiTests extends ApiTestBase {

    static final String PASSIVES = json("{'name':'Post-purchase NPS','questions':["
            + "{'id':'nps','type':'nps','text':{'en':'How likely are you to recommend us?','pl':'Czy polecisz nas?'}},"
            + "{'id':'earn9','type':'text','text':'What could we do to earn a 9 or 10 from you?',"
            + "'show_if':{'category':['passive']}},"
            + "{'id':'area','type':'single_choice','text':'Which area most influenced your score?',"
            + "'options':['Product','Pricing','Support','Delivery','Ease of use','Other'],"
            + "'show_if':{'category':['passive','detractor']}},"
            + "{'id':'why','type':'text','text':'Tell us what happened (or what\\u2019s missing).','required':false,"
            + "'show_if':{'question':'area','equals':'Pricing'}}],"
            + "'thank_you':'Thank you!'}");

    @Test
    void surveyIsCreatedReadChangedAndListed() throws Exception {
        String body = postJson("/api/v1/surveys", PASSIVES)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.questions[0].text.pl").value("Czy polecisz nas?"))
                .andExpect(jsonPath("$.questions[0].required").value(true))
                .andExpect(jsonPath("$.questions[1].text").value("What could we do to earn a 9 or 10 from you?"))
                .andExpect(jsonPath("$.questions[1].show_if.category[0]").value("passive"))
                .andExpect(jsonPath("$.questions[3].show_if.equals").value("Pricing"))
                .andExpect(jsonPath("$.thank_you").value("Thank you!"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");
        getJson("/api/v1/surveys/" + id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.questions[2].options[1]").value("Pricing"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/surveys/" + id)
                        .header("Authorization", "Bearer " + key)
                        .contentType("application/json")
                        .content(PASSIVES.replace("Post-purchase NPS", "Renamed")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Renamed"));
        getJson("/api/v1/surveys?size=10")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].name").value("Renamed"));
    }

    @Test
    void brokenSurveyNamesEveryFault() throws Exception {
        postJson(
                        "/api/v1/surveys",
                        json("{'name':'Bad','questions':["
                                + "{'id':'nps','type':'nps','text':'Score?'},"
                                + "{'id':'nps','type':'text','text':'Again?'},"
                                + "{'id':'second','type':'nps','text':'Score again?'},"
                                + "{'id':'early','type':'text','text':'x','show_if':{'question':'later','equals':'A'}},"
                                + "{'id':'later','type':'single_choice','text':'y','options':[]},"
                                + "{'id':'bad','type':'slider','text':'z'}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("questions[1].id")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("questions[2].type")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("questions[3].show_if.question")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("questions[4].options")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("questions[5].type")));
        postJson(
                        "/api/v1/surveys",
                        json("{'name':'No score','questions':["
                                + "{'id':'a','type':'text','text':'x','show_if':{'category':['passive']}}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("questions[0].show_if"));
        getJson("/api/v1/surveys").andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void anUnknownShowIfCategoryNamesTheField() throws Exception {
        postJson(
                        "/api/v1/surveys",
                        json("{'name':'Bad','questions':[{'id':'nps','type':'nps','text':'Score?'},"
                                + "{'id':'a','type':'text','text':'x','show_if':{'category':['passives']}}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("questions[1].show_if.category"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a list of detractor, passive, promoter"));
    }

    @Test
    void unknownOrForeignSurveyIsNotFound() throws Exception {
        String id = JsonPath.read(
                postJson("/api/v1/surveys", PASSIVES).andReturn().getResponse().getContentAsString(), "$.id");
        var other = testWorkspaces.create();
        mvc.perform(get("/api/v1/surveys/" + id)
                        .header("Authorization", "Bearer " + other.apiKey().key()))
                .andExpect(status().isNotFound());
        getJson("/api/v1/surveys/00000000-0000-0000-0000-000000000000").andExpect(status().isNotFound());
    }

    @Test
    void everyTemplateCanBePostedAsItIs() throws Exception {
        String body = getJson("/api/v1/survey-templates")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Map<String, Object>> items = JsonPath.read(body, "$.items");
        org.assertj.core.api.Assertions.assertThat(items).hasSizeGreaterThanOrEqualTo(5);
        org.assertj.core.api.Assertions.assertThat(body)
                .contains("What could we do to earn a 9 or 10 from you?")
                .contains("Tell us what happened (or what's missing).");
        JsonMapper mapper = JsonMapper.builder().build();
        for (Map<String, Object> item : items) {
            postJson("/api/v1/surveys", mapper.writeValueAsString(item)).andExpect(status().isCreated());
        }
    }
}
