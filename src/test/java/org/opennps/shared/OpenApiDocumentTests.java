package org.opennps.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennps.support.ApiTestBase;

/**
 * The OpenAPI document at /v3/api-docs as a client generator reads it: valid, every body and
 * answer with a schema, no parameter that is not one, and its examples accepted by the API.
 */
abstract class OpenApiDocumentTests extends ApiTestBase {

    private String document;
    private OpenAPI api;

    @BeforeEach
    void readDocument() throws Exception {
        document = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Files.createDirectories(Path.of("target"));
        Files.writeString(SERVED, published(document));
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(document, null, options);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        api = result.getOpenAPI();
    }

    /** The document as published in docs/, which the test client is generated from (see pom.xml). */
    static final Path COMMITTED = Path.of("docs/openapi.json");

    private static final Path SERVED = Path.of("target/openapi.json");

    /** The served document without its servers (the test server's address), pretty-printed. */
    private static String published(String served) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(served);
        tree.remove("servers");
        return Json.pretty(tree) + "\n";
    }

    /**
     * The client test (OpenApiClientH2Test) is compiled against a client generated from
     * docs/openapi.json before the tests run, so that file must be the document the API serves.
     */
    @Test
    void thePublishedDocumentIsTheServedOne() throws Exception {
        assertThat(Files.exists(COMMITTED)).as("%s exists", COMMITTED).isTrue();
        assertThat(Json.mapper().readTree(Files.readString(COMMITTED)))
                .as("%s is out of date: copy %s over it (the API changed)", COMMITTED, SERVED)
                .isEqualTo(Json.mapper().readTree(Files.readString(SERVED)));
    }

    private Map<String, Operation> operations() {
        Map<String, Operation> all = new java.util.TreeMap<>();
        api.getPaths()
                .forEach((path, item) ->
                        item.readOperationsMap().forEach((method, op) -> all.put(method + " " + path, op)));
        return all;
    }

    @Test
    void theDocumentIsValidOpenApiWithEveryOperationNamed() {
        assertThat(api.getOpenapi()).startsWith("3.");
        assertThat(operations()).hasSizeGreaterThan(50);
        List<String> ids =
                operations().values().stream().map(Operation::getOperationId).toList();
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(ids).as("stable names, not springdoc's numbered ones").noneMatch(id -> id.matches(".*_\\d+$"));
        assertThat(ids).contains("createCampaign", "upsertContact", "ingestEvent", "npsAnalytics");
    }

    @Test
    void noOperationAsksForParametersThatAreNoRequestParameters() {
        List<String> bogus = new ArrayList<>();
        operations().forEach((key, op) -> {
            if (op.getParameters() != null) {
                op.getParameters().stream()
                        .filter(p -> List.of("access", "params").contains(p.getName())
                                || p.getSchema() != null && p.getSchema().get$ref() != null)
                        .forEach(p -> bogus.add(key + " " + p.getName()));
            }
        });
        assertThat(bogus).isEmpty();
        assertThat(document)
                .doesNotContain("WorkspaceAccess")
                .doesNotContain("JsonNode")
                .doesNotContain("MultiValueMap");
    }

    @Test
    void everyRequestBodyHasANamedSchemaWithFields() {
        List<String> loose = new ArrayList<>();
        operations().forEach((key, op) -> {
            if (op.getRequestBody() == null) {
                return;
            }
            Schema<?> schema =
                    op.getRequestBody().getContent().get("application/json").getSchema();
            String ref = schema.get$ref();
            Schema<?> named =
                    ref == null ? null : api.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
            boolean described = named != null && (named.getProperties() != null || named.getAllOf() != null);
            if (!described) {
                loose.add(key + " -> " + ref);
            }
        });
        assertThat(loose).as("request bodies without a described schema").isEmpty();
    }

    @Test
    void everyAnswerWithABodyHasASchema() {
        List<String> missing = new ArrayList<>();
        operations()
                .forEach((key, op) -> op.getResponses().forEach((code, response) -> {
                    if (code.startsWith("2") && response.getContent() != null) {
                        response.getContent().forEach((type, media) -> {
                            if (media.getSchema() == null) {
                                missing.add(key + " " + code + " " + type);
                            }
                        });
                    }
                }));
        assertThat(missing).isEmpty();
    }

    @Test
    void analyticsReportsDocumentTheirFilters() {
        Operation nps = api.getPaths().get("/api/v1/analytics/nps").getGet();
        assertThat(nps.getParameters())
                .extracting(p -> p.getName())
                .contains("since", "until", "survey_id", "where", "interval", "group_by");
    }

    @Test
    void theDocumentedExamplesAreAcceptedAsTheyStand() throws Exception {
        postJson("/api/v1/contacts", example("ContactInput")).andExpect(status().is2xxSuccessful());
        postJson("/api/v1/events", example("EventsInput")).andExpect(status().isAccepted());
        String survey = postJson("/api/v1/surveys", example("SurveyInput"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String surveyId = com.jayway.jsonpath.JsonPath.read(survey, "$.id");
        String campaign =
                example("CampaignInput").replaceAll("\"survey_id\":\"[^\"]+\"", "\"survey_id\":\"" + surveyId + "\"");
        postJson("/api/v1/campaigns", campaign).andExpect(status().isCreated());
        patchJson("/api/v1/workspace", example("WorkspacePatch")).andExpect(status().isOk());
    }

    private String example(String schema) throws Exception {
        Schema<?> s = api.getComponents().getSchemas().get(schema);
        Object example = s.getExample();
        if (example == null && s.getProperties() != null) {
            Map<String, Object> built = new java.util.LinkedHashMap<>();
            s.getProperties().forEach((name, p) -> {
                if (p.getExample() != null) {
                    built.put(name, p.getExample());
                }
            });
            example = built;
        }
        assertThat(example).as("example of %s", schema).isNotNull();
        return Json.mapper().writeValueAsString(example);
    }
}
