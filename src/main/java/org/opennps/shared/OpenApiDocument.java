package org.opennps.shared;

import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Makes the generated document one a client can be built from, in one place rather than on
 * every controller: drops the parameters springdoc invents for arguments that are not request
 * parameters (the resolved workspace, the raw query map), documents the analytics filters that
 * map stood for, and gives the JSON-tree request bodies (and the few loosely typed answers)
 * their schemas from {@code openapi/request-schemas.yaml}.
 */
class OpenApiDocument implements OpenApiCustomizer {

    /** Component schemas springdoc derives from argument types that are no request parameters. */
    private static final Set<String> NOT_PARAMETERS = Set.of("WorkspaceAccess", "MultiValueMapStringString");

    private static final String TREE = "#/components/schemas/JsonNode";
    private static final String OBJECT = "#/components/schemas/JsonObject";

    private final Map<String, Object> definitions;

    OpenApiDocument() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi/request-schemas.yaml")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> read = Yaml.mapper().readValue(in, Map.class);
            this.definitions = read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void customise(OpenAPI api) {
        Map<String, Object> schemas = (Map<String, Object>) definitions.get("schemas");
        schemas.forEach((name, raw) ->
                api.getComponents().addSchemas(name, Yaml.mapper().convertValue(raw, Schema.class)));
        Map<String, String> requests = (Map<String, String>) definitions.get("operations");
        Map<String, List<String>> responses = (Map<String, List<String>>) definitions.get("responses");
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    String key = method.name().toLowerCase(Locale.ROOT) + " " + path;
                    dropInventedParameters(operation);
                    declarePathVariables(path, operation);
                    if (path.startsWith("/api/v1/analytics/")) {
                        analyticsFilters(path, operation);
                    }
                    if (operation.getRequestBody() != null) {
                        String schema = requests.getOrDefault(key, "JsonObject");
                        operation
                                .getRequestBody()
                                .setContent(json(new Schema<>().$ref("#/components/schemas/" + schema)));
                    }
                    responses.forEach((schema, keys) -> {
                        if (keys.contains(key)) {
                            answerWith(operation, "#/components/schemas/" + schema);
                        }
                    });
                    replaceTrees(operation);
                }));
        stableOperationIds(api);
        api.getComponents().getSchemas().values().forEach(OpenApiDocument::replaceTrees);
        NOT_PARAMETERS.forEach(api.getComponents().getSchemas()::remove);
        api.getComponents().getSchemas().remove("JsonNode");
        api.getComponents().getSchemas().remove("PageResultJsonNode");
    }

    /**
     * Operation ids a generated client keeps across releases: the handler's name and its
     * controller's ({@code createCampaign}, {@code npsAnalytics}) instead of springdoc's
     * {@code create_7}, whose number moves whenever a controller is added. The Delighted API's
     * {@code .json} twins end in {@code Json}; a handler answering several methods on one path
     * adds the method.
     */
    static void stableOperationIds(OpenAPI api) {
        Map<String, List<String[]>> byId = new java.util.TreeMap<>();
        api.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    String tag =
                            operation.getTags() == null || operation.getTags().isEmpty()
                                    ? ""
                                    : operation.getTags().getFirst().replace("-controller", "");
                    String id = operation.getOperationId().replaceFirst("_\\d+$", "") + camel(tag);
                    byId.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(new String[] {path, method.name()});
                }));
        byId.forEach((id, uses) -> uses.forEach(use -> {
            String path = use[0];
            String method = use[1];
            String unique = id;
            if (uses.size() > 1) {
                boolean twins = uses.stream().anyMatch(u -> u[0].endsWith(".json"));
                unique = twins
                        ? id + (path.endsWith(".json") ? "Json" : "")
                        : id + camel(method.toLowerCase(Locale.ROOT));
            }
            api.getPaths()
                    .get(path)
                    .readOperationsMap()
                    .get(io.swagger.v3.oas.models.PathItem.HttpMethod.valueOf(method))
                    .setOperationId(unique);
        }));
    }

    private static String camel(String dashed) {
        StringBuilder out = new StringBuilder();
        for (String word : dashed.split("-")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }

    private static void dropInventedParameters(Operation operation) {
        if (operation.getParameters() != null) {
            operation
                    .getParameters()
                    .removeIf(p -> p.getSchema() != null
                            && p.getSchema().get$ref() != null
                            && NOT_PARAMETERS.stream().anyMatch(p.getSchema().get$ref()::endsWith));
            if (operation.getParameters().isEmpty()) {
                operation.setParameters(null);
            }
        }
    }

    /** The filters every analytics report reads (README "Analytics"), and each report's own. */
    private static void analyticsFilters(String path, Operation operation) {
        query(operation, "survey_id", new StringSchema().format("uuid"), "only answers to this survey");
        query(operation, "campaign_id", new StringSchema().format("uuid"), "only answers to this campaign");
        query(
                operation,
                "channel",
                new StringSchema(),
                "only answers through this channel (email, web, webhook, link or api); ! and one of them for every"
                        + " channel but that one, e.g. !link for all but the public link");
        query(operation, "since", new StringSchema(), "ISO time, or a date (local midnight of the workspace)");
        query(operation, "until", new StringSchema(), "ISO time, or a date (local midnight of the workspace)");
        Parameter where = query(
                operation,
                "where",
                new ArraySchema().items(new StringSchema()),
                "repeatable segment: city:Warsaw, attribute:city:Warsaw or property:shipment_type:courier");
        where.explode(true);
        switch (path.substring("/api/v1/analytics/".length())) {
            case "nps" -> {
                query(operation, "interval", new StringSchema()._enum(List.of("day", "week", "month")), "a series");
                query(operation, "group_by", new StringSchema(), "groups, e.g. property:shipment_type");
            }
            case "areas", "themes" ->
                query(operation, "category", new StringSchema()._enum(List.of("promoter", "passive", "detractor")), "");
            case "funnel" -> {
                query(operation, "steps", new StringSchema(), "event types, comma-separated");
                query(operation, "within", new StringSchema(), "ISO-8601 duration, e.g. P7D");
            }
            case "movement" -> query(operation, "within", new StringSchema(), "ISO-8601 duration, e.g. P90D");
            case "compare" -> {
                for (String side : List.of("a", "b")) {
                    query(operation, side + ".since", new StringSchema(), "period " + side);
                    query(operation, side + ".until", new StringSchema(), "period " + side);
                }
            }
            default -> {}
        }
    }

    private static Parameter query(Operation operation, String name, Schema<?> schema, String description) {
        Parameter parameter = new Parameter()
                .in("query")
                .name(name)
                .required(false)
                .schema(schema)
                .description(description.isEmpty() ? null : description);
        operation.addParametersItem(parameter);
        return parameter;
    }

    private static void answerWith(Operation operation, String ref) {
        operation.getResponses().forEach((code, response) -> {
            if (code.startsWith("2") && response.getContent() != null) {
                response.setContent(json(new Schema<>().$ref(ref)));
            }
        });
    }

    /** JSON trees left anywhere (answers, paged trees, lists of templates) become plain JSON objects. */
    private static void replaceTrees(Operation operation) {
        for (ApiResponse response : operation.getResponses().values()) {
            if (response.getContent() == null) {
                continue;
            }
            for (MediaType media : response.getContent().values()) {
                Schema<?> schema = media.getSchema();
                if (schema != null
                        && schema.get$ref() == null
                        && "object".equals(schema.getType())
                        && schema.getProperties() == null
                        && schema.getAdditionalProperties() == null) {
                    media.setSchema(new Schema<>().$ref(OBJECT));
                } else {
                    replaceTrees(schema);
                }
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static void replaceTrees(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        if (TREE.equals(schema.get$ref())) {
            schema.set$ref(OBJECT);
        }
        replaceTrees(schema.getItems());
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            replaceTrees(values);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiDocument::replaceTrees);
        }
        for (List<Schema> list : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (list != null) {
                list.forEach(OpenApiDocument::replaceTrees);
            }
        }
    }

    /**
     * A variable of the path that the handler reads other than as a {@code @PathVariable} (the
     * client API's public key, read by its gate) is still a required path parameter.
     */
    private static void declarePathVariables(String path, Operation operation) {
        java.util.regex.Matcher variables =
                java.util.regex.Pattern.compile("\\{([^}/]+)}").matcher(path);
        while (variables.find()) {
            String name = variables.group(1);
            boolean declared = operation.getParameters() != null
                    && operation.getParameters().stream()
                            .anyMatch(p -> "path".equals(p.getIn()) && name.equals(p.getName()));
            if (!declared) {
                operation.addParametersItem(
                        new Parameter().in("path").name(name).required(true).schema(new StringSchema()));
            }
        }
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType("application/json", new MediaType().schema(schema));
    }
}
