package org.opennps.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.opennps.workspace.CreatedWorkspace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Base of API tests: a fresh workspace per test and short-hands for authenticated calls. */
public abstract class ApiTestBase {

    /** A checkout survey: the NPS question, an area to choose and a text to say why. */
    protected static final String CHECKOUT_SURVEY = json("{'name':'Checkout NPS','questions':["
            + "{'id':'nps','type':'nps','text':'How likely are you to recommend us?'},"
            + "{'id':'area','type':'single_choice','text':'Which area?','options':['Product','Pricing','Support','Delivery','Ease of use','Other']},"
            + "{'id':'why','type':'text','text':'Tell us why'}]}");

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected TestWorkspaces testWorkspaces;

    /** Settles what runs in the background, so a test can show that nothing more happens. */
    @Autowired
    protected BackgroundWork background;

    protected CreatedWorkspace workspace;
    protected String key;

    @BeforeEach
    void freshWorkspace() {
        workspace = testWorkspaces.create();
        key = workspace.apiKey().key();
    }

    /**
     * Back to the real time, without this test's pending steps: left behind, they would fire in
     * a later test that moves the clock past them (or right away, at the real time).
     */
    @AfterEach
    void realTime() {
        background.forgetPendingExecutions();
        clock.reset();
    }

    protected ResultActions postJson(String path, String json) throws Exception {
        return mvc.perform(post(path)
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    protected ResultActions patchJson(String path, String json) throws Exception {
        return mvc.perform(patch(path)
                .header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    protected ResultActions getJson(String path) throws Exception {
        return mvc.perform(get(path).header("Authorization", "Bearer " + key));
    }

    protected ResultActions deleteJson(String path) throws Exception {
        return mvc.perform(delete(path).header("Authorization", "Bearer " + key));
    }

    /** Creates the {@link #CHECKOUT_SURVEY} in the test's workspace; returns its id. */
    protected String createSurvey() throws Exception {
        return createSurvey(CHECKOUT_SURVEY);
    }

    /** Creates a survey from its JSON with the current key; returns its id. */
    protected String createSurvey(String surveyJson) throws Exception {
        return created("/api/v1/surveys", surveyJson);
    }

    /**
     * Creates an after-purchase campaign of the survey in the given status: two days after an
     * {@code order.placed} event, an e-mail. Returns its id.
     */
    protected String createCampaign(String surveyId, String status) throws Exception {
        return createCampaign(json("{'name':'After purchase','survey_id':'" + surveyId + "','status':'" + status
                + "','trigger':{'event_type':'order.placed'},"
                + "'steps':[{'type':'delay','duration':'P2D'},{'type':'action','action':'email'}]}"));
    }

    /** Creates a campaign from its JSON with the current key; returns its id. */
    protected String createCampaign(String campaignJson) throws Exception {
        return created("/api/v1/campaigns", campaignJson);
    }

    private String created(String path, String json) throws Exception {
        return JsonPath.read(
                postJson(path, json)
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    /** Single quotes to double quotes, so JSON reads well inside Java strings. */
    protected static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
