package org.opennps.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/** Imports of history through /api/v1/imports: formats, original times, idempotency, silence. */
abstract class ImportApiTests extends ApiTestBase {

    /** Delighted's export, columns in an unusual order, with property columns and one unknown. */
    static final String DELIGHTED = """
            Score,Comment,Response ID,Email,Name,Date,Purchase Experience,Delighted Source,Tags,Whatever Else
            9,"Fast, friendly",d-1,ann@shop.example,Ann,2026-01-15 10:00:00 +0000,Mobile App,email,vip,x
            3,"Broke after
            a week",d-2,bob@shop.example,Bob,2026-03-02T08:30:00Z,Retail Store,web,,y
            10,,d-3,ann@shop.example,Ann,1777000000,Mobile App,email,,z
            11,Too high,d-4,cy@shop.example,Cy,2026-05-01,Retail Store,email,,
            7,No date,d-5,dee@shop.example,Dee,yesterday,Retail Store,email,,
            0,,d-6,,,2026-06-30T23:00:00-02:00,,kiosk,,
            """;

    @Autowired
    JdbcClient jdbc;

    private String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private String upload(String query, String content, MediaType type) throws Exception {
        String answer = body(mvc.perform(post("/api/v1/imports" + query)
                        .header("Authorization", "Bearer " + key)
                        .contentType(type)
                        .content(content.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("running")));
        return JsonPath.read(answer, "$.id");
    }

    private Map<String, Object> finished(String id) throws Exception {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !JsonPath.<String>read(body(getJson("/api/v1/imports/" + id)), "$.status")
                        .equals("running"));
        return JsonPath.read(body(getJson("/api/v1/imports/" + id)), "$");
    }

    private String delightedSurvey() throws Exception {
        return JsonPath.read(body(getJson("/api/v1/surveys")), "$.items[0].id");
    }

    @Test
    void delightedExportImportsOnceWithOriginalTimesAndReportsRejectedLines() throws Exception {
        String id = upload("?format=delighted", DELIGHTED, MediaType.parseMediaType("text/csv"));
        Map<String, Object> job = finished(id);
        assertThat(job)
                .containsEntry("status", "done")
                .containsEntry("rows_total", 6)
                .containsEntry("rows_imported", 4)
                .containsEntry("rows_rejected", 2)
                .containsEntry("rows_skipped_duplicate", 0);
        // the quoted comment spans two lines: the rows after it keep their real line numbers
        assertThat(JsonPath.<List<Integer>>read(job, "$.errors[*].line")).containsExactly(6, 7);
        assertThat(JsonPath.<String>read(job, "$.errors[0].reason")).contains("score");
        assertThat(JsonPath.<String>read(job, "$.errors[1].reason")).contains("created_at");

        String survey = delightedSurvey();
        getJson("/api/v1/responses?survey_id=" + survey + "&size=10")
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[?(@.score==3)].answers.comment")
                        .value(Matchers.contains("Broke after\na week")))
                .andExpect(jsonPath("$.items[?(@.score==3)].started_at")
                        .value(Matchers.contains(Matchers.startsWith("2026-03-02T08:30"))))
                .andExpect(jsonPath("$.items[?(@.score==3)].contact_attributes['Purchase Experience']")
                        .value(Matchers.contains("Retail Store")))
                .andExpect(
                        jsonPath("$.items[?(@.score==0)].contact_id").value(Matchers.contains(Matchers.nullValue())));
        // people created or matched: Ann's two answers belong to one person
        String ann = JsonPath.read(body(getJson("/api/v1/contacts?email=ann@shop.example")), "$.items[0].id");
        assertThat(JsonPath.<List<Object>>read(
                        body(getJson("/api/v1/responses?survey_id=" + survey + "&size=10")),
                        "$.items[?(@.contact_id=='" + ann + "')]"))
                .hasSize(2);

        // analytics counts them in their own months
        await().atMost(Duration.ofSeconds(20))
                .until(() -> JsonPath.<Integer>read(
                                body(getJson("/api/v1/analytics/nps?survey_id=" + survey)), "$.responses")
                        == 4);
        String trend = body(getJson("/api/v1/analytics/nps?survey_id=" + survey
                + "&interval=month&since=2026-01-01T00:00:00Z&until=2026-08-01T00:00:00Z"));
        // months of the workspace's zone (Europe/Warsaw): the last one is August's first hours
        assertThat(JsonPath.<List<Integer>>read(trend, "$.series[*].responses"))
                .containsExactly(1, 0, 1, 1, 0, 0, 1, 0);

        // the same file again stores nothing twice
        Map<String, Object> again = finished(upload("?format=delighted", DELIGHTED, MediaType.TEXT_PLAIN));
        assertThat(again)
                .containsEntry("rows_imported", 0)
                .containsEntry("rows_skipped_duplicate", 4)
                .containsEntry("rows_rejected", 2);
        getJson("/api/v1/responses?survey_id=" + survey)
                .andExpect(jsonPath("$.total").value(4));
        // tags reach the Delighted API
        List<String> tagged = JsonPath.read(
                body(getJson("/api/v1/responses?survey_id=" + survey + "&size=10")), "$.items[?(@.score==9)].id");
        String basic = java.util.Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
        mvc.perform(get("/v1/survey_responses/" + tagged.getFirst()).header("Authorization", "Basic " + basic))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tags", Matchers.contains("vip")))
                .andExpect(jsonPath("$.created_at").value(1768471200));
    }

    @Test
    void importsFireNoAlertNoWebhookAndStartNothing() throws Exception {
        postJson(
                        "/api/v1/alert-rules",
                        json("{'name':'Detractors','when':{'category':['detractor']},"
                                + "'notify':[{'email':'support@shop.example'}],'create_case':true}"))
                .andExpect(status().isCreated());
        postJson(
                        "/api/v1/webhooks",
                        json("{'url':'http://127.0.0.1:9/hook','events':['response.scored',"
                                + "'response.updated','response.completed']}"))
                .andExpect(status().isCreated());
        String survey = JsonPath.read(
                body(postJson(
                                "/api/v1/surveys",
                                json("{'name':'Old','questions':[{'id':'nps','type':'nps','text':'Recommend?'}]}"))
                        .andExpect(status().isCreated())),
                "$.id");
        String lines = """
                {"id":"j-1","score":1,"email":"angry@shop.example","created_at":"2026-02-01T10:00:00Z"}
                {"id":"j-2","score":2,"created_at":1770000000}
                """;
        Map<String, Object> job = finished(
                upload("?format=jsonl&survey_id=" + survey, lines, MediaType.parseMediaType("application/x-ndjson")));
        assertThat(job).containsEntry("rows_imported", 2);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> JsonPath.<Integer>read(
                                body(getJson("/api/v1/analytics/nps?survey_id=" + survey)), "$.detractors")
                        == 2);

        // a live detractor afterwards does fire: the alert and the webhook work
        String live = JsonPath.read(
                body(postJson(
                                "/api/v1/responses",
                                json("{'survey_id':'" + survey + "','contact':{'email':'now@shop.example'},'score':0}"))
                        .andExpect(status().isCreated())),
                "$.id");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> getJson("/api/v1/cases")
                        .andExpect(jsonPath("$.total").value(1))
                        .andExpect(jsonPath("$.items[0].response_id").value(live)));
        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks() > 0);
        List<String> references = jdbc.sql("select reference from outgoing_webhook where workspace_id = ?")
                .param(workspace.workspace().id())
                .query(String.class)
                .list();
        assertThat(references).allSatisfy(r -> assertThat(r).contains(live.substring(0, 8)));
        getJson("/api/v1/invitations").andExpect(jsonPath("$.items.length()").value(0));
    }

    private long webhooks() {
        return jdbc.sql("select count(*) from outgoing_webhook where workspace_id = ?")
                .param(workspace.workspace().id())
                .query(Long.class)
                .single();
    }

    @Test
    void csvWithAMappingAndMultipartUploadMatchesPeopleAndKeepsAnswers() throws Exception {
        String survey = JsonPath.read(
                body(postJson(
                                "/api/v1/surveys",
                                json("{'name':'Support','questions':[{'id':'nps','type':'nps','text':'Recommend?'},"
                                        + "{'id':'why','type':'text','text':'Why?','required':false},"
                                        + "{'id':'area','type':'single_choice','text':'Area?',"
                                        + "'options':['Product','Support'],'required':false}]}"))
                        .andExpect(status().isCreated())),
                "$.id");
        String known = JsonPath.read(
                body(postJson("/api/v1/contacts", json("{'external_id':'cust-7','email':'known@shop.example'}"))),
                "$.id");
        String csv = "ticket;x\nT1,8,cust-7,2026-04-04T12:00:00Z,Slow reply,Support,gold\n"
                .replace("ticket;x", "ticket,rating,customer,answered,text,area,tier");
        String mapping = "{\"ticket\":\"source_id\",\"rating\":\"score\",\"customer\":\"external_id\","
                + "\"answered\":\"created_at\",\"text\":\"comment\",\"area\":\"answer:area\",\"tier\":\"property:tier\"}";
        String answer = body(mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile(
                                "file", "tickets.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("format", "csv")
                        .param("survey_id", survey)
                        .param("mapping", mapping)
                        .header("Authorization", "Bearer " + key))
                .andExpect(status().isAccepted()));
        Map<String, Object> job = finished(JsonPath.read(answer, "$.id"));
        assertThat(job).containsEntry("rows_imported", 1).containsEntry("file_name", "tickets.csv");
        getJson("/api/v1/responses?survey_id=" + survey)
                .andExpect(jsonPath("$.items[0].contact_id").value(known))
                .andExpect(jsonPath("$.items[0].answers.why").value("Slow reply"))
                .andExpect(jsonPath("$.items[0].answers.area").value("Support"))
                .andExpect(jsonPath("$.items[0].contact_attributes.tier").value("gold"))
                .andExpect(jsonPath("$.items[0].channel").value("api"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> getJson("/api/v1/analytics/nps?survey_id=" + survey + "&attribute.tier=gold")
                        .andExpect(jsonPath("$.responses").value(1)));
    }

    @Test
    void dryRunReportsWithoutStoring() throws Exception {
        Map<String, Object> job = finished(upload("?format=delighted&dry_run=true", DELIGHTED, MediaType.TEXT_PLAIN));
        assertThat(job)
                .containsEntry("status", "done")
                .containsEntry("dry_run", true)
                .containsEntry("rows_imported", 4)
                .containsEntry("rows_rejected", 2);
        assertThat(JsonPath.<List<Integer>>read(job, "$.errors[*].line")).containsExactly(6, 7);
        getJson("/api/v1/responses?survey_id=" + delightedSurvey())
                .andExpect(jsonPath("$.total").value(0));
        getJson("/api/v1/contacts").andExpect(jsonPath("$.total").value(0));
        // and the real import afterwards still imports everything
        assertThat(finished(upload("?format=delighted", DELIGHTED, MediaType.TEXT_PLAIN)))
                .containsEntry("rows_imported", 4);
    }

    @Test
    void badRequestsAreRefusedAndOtherWorkspacesSeeNothing() throws Exception {
        mvc.perform(post("/api/v1/imports?format=xls")
                        .header("Authorization", "Bearer " + key)
                        .content("a"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        mvc.perform(post("/api/v1/imports?format=csv")
                        .header("Authorization", "Bearer " + key)
                        .content("a,b\n1,2"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("mapping"));
        mvc.perform(post("/api/v1/imports")
                        .param("format", "csv")
                        .param("mapping", "{\"a\":\"score\",\"b\":\"nonsense\"}")
                        .header("Authorization", "Bearer " + key)
                        .content("a,b\n1,2"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/imports?format=delighted").header("Authorization", "Bearer " + key))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        String noIds = upload("?format=delighted", "Score,Comment\n9,Good\n", MediaType.TEXT_PLAIN);
        assertThat(finished(noIds))
                .containsEntry("status", "failed")
                .hasEntrySatisfying("failure", f -> assertThat((String) f).contains("Response ID"));

        var other = testWorkspaces.create();
        mvc.perform(get("/api/v1/imports/" + noIds)
                        .header("Authorization", "Bearer " + other.apiKey().key()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/imports")
                        .header("Authorization", "Bearer " + other.apiKey().key()))
                .andExpect(jsonPath("$.items.length()").value(0));
    }
}
