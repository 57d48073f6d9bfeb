package org.opennps.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opennps.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks every operation of the OpenAPI document with broken input (malformed escapes, raw
 * brackets, NUL bytes, lone surrogates, numbers beyond 32 and 64 bits, empty and unknown time
 * zones, wrong JSON types) over real HTTP to this test's own server on loopback, and fails on any
 * 5xx and on any HTML error page under /api or /v1. The mutations are a fixed list and the
 * choice among them is seeded, so every run sends the same requests in a bounded number.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class OpenApiFuzzTests extends ApiTestBase {

    private static final long SEED = 14;
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    /** Raw (already encoded, deliberately broken) query values. */
    private static final List<String> QUERY_VALUES = List.of(
            "%ZZ",
            "%",
            "%E0%A4",
            "%00",
            "a%00b",
            "%ED%A0%80",
            "[]",
            "[x]",
            "2147483648",
            "-99999999999999999999",
            "1e309",
            "",
            "%20",
            "not-a-uuid",
            "2026-13-45T99:99:99Z",
            "Mars/Olympus",
            "%F0%9F%92%A5",
            "x".repeat(3000));

    /** Raw path segments. */
    private static final List<String> PATH_VALUES =
            List.of("%ZZ", "%00", "99999999999999999999", "-1", "[]", "%ED%A0%80", "x".repeat(300));

    /** JSON values put into each known property of a request body. */
    private static final List<String> JSON_VALUES = List.of(
            "2147483648",
            "-9223372036854775809",
            "1e400",
            "\"\"",
            "\" \"",
            "\"\\u0000\"",
            "\"a\\u0000b\"",
            "\"\\ud800\"",
            "\"x\\udc00y\"",
            "\"Mars/Olympus\"",
            "\"%ZZ\"",
            "[]",
            "{}",
            "[[[[[[[[[[]]]]]]]]]]",
            "true",
            "null",
            "\"" + "y".repeat(20_000) + "\"");

    /** Whole bodies. */
    private static final List<String> BODIES = List.of(
            "{",
            "[]",
            "null",
            "\"text\"",
            "{\"a\":\"\\ud800\"}",
            "{\"score\":2147483648}",
            "{\"time_zone\":\"\"}",
            "{\"time_zone\":\"Nowhere/Never\"}",
            "{\"\\u0000\":1}",
            "{\"events\":[{\"type\":\"a\\u0000\"}]}");

    @Value("${local.server.port}")
    int port;

    @Autowired
    JsonMapper json;

    private final List<String> failures = new ArrayList<>();
    private int sent;

    @Test
    void noOperationAnswers5xxToBrokenInput(CapturedOutput output) throws Exception {
        JsonNode document = json.readTree(
                mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/v3/api-docs"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        List<String[]> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                    operations.add(new String[] {op.getKey().toUpperCase(Locale.ROOT), path.getKey()});
                }
            }
        }
        assertThat(operations).hasSizeGreaterThan(20);
        // deletions last, so the workspace and its key stay usable for everything else
        operations.sort(
                Comparator.comparing((String[] o) -> o[0].equals("DELETE")).thenComparing(o -> o[1]));
        Random random = new Random(SEED);
        for (String[] op : operations) {
            JsonNode operation = document.path("paths").path(op[1]).path(op[0].toLowerCase(Locale.ROOT));
            fuzz(document, op[0], op[1], operation, random);
        }
        assertThat(failures).as("%d requests sent", sent).isEmpty();
        assertThat(output.getAll()).doesNotContain("Unhandled error");
    }

    private void fuzz(JsonNode document, String method, String template, JsonNode operation, Random random)
            throws IOException {
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asString())) {
                query.add(parameter.path("name").asString());
            }
        }
        String path = concrete(template, null, null);
        boolean body = List.of("POST", "PUT", "PATCH").contains(method);
        // every path parameter broken in turn
        Matcher params = PATH_PARAM.matcher(template);
        while (params.find()) {
            String name = params.group(1);
            if (isPublicKey(name)) {
                continue;
            }
            for (String value : pick(PATH_VALUES, 3, random)) {
                send(method, concrete(template, name, value), body ? "{}" : null);
            }
        }
        // every query parameter broken in turn, plus undeclared ones with raw brackets
        for (String name : query) {
            for (String value : pick(QUERY_VALUES, 5, random)) {
                send(method, path + "?" + name + "=" + value, body ? "{}" : null);
            }
        }
        send(method, path + "?filter[x]=1&a[]=b&%ZZ=1", body ? "{}" : null);
        send(method, path + "?page=2147483648&size=-1&since=%00&time_zone=", body ? "{}" : null);
        if (!body) {
            return;
        }
        for (String whole : pick(BODIES, 5, random)) {
            send(method, path, whole);
        }
        for (String property : properties(document, operation)) {
            for (String value : pick(JSON_VALUES, 4, random)) {
                ObjectNode object = json.createObjectNode();
                object.set(property, json.readTree(value));
                send(method, path, object.toString());
            }
        }
    }

    /** The request body's top-level property names, following one $ref. */
    private static List<String> properties(JsonNode document, JsonNode operation) {
        JsonNode schema = operation
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asString();
            schema = document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        List<String> names = new ArrayList<>();
        schema.path("properties").propertyNames().forEach(names::add);
        if (names.isEmpty()) {
            // untyped JSON bodies: the names the API uses most
            names.addAll(List.of("name", "type", "score", "email", "external_id", "time_zone", "url", "status"));
        }
        return names;
    }

    private String concrete(String template, String broken, String value) {
        Matcher m = PATH_PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = name.equals(broken)
                    ? value
                    : isPublicKey(name)
                            ? workspace.workspace().publicKey()
                            : UUID.randomUUID().toString();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isPublicKey(String name) {
        return name.replace("_", "").equalsIgnoreCase("publickey");
    }

    private static List<String> pick(List<String> values, int count, Random random) {
        List<String> copy = new ArrayList<>(values);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(count, copy.size()));
    }

    private void send(String method, String target, String body) throws IOException {
        if (++sent % 30 == 0) {
            clock.advance(Duration.ofMinutes(2)); // rate limits refill on the clock
        }
        String[] answer = exchange(method, target, body);
        int status = Integer.parseInt(answer[0]);
        String shown = method + " " + (target.length() > 160 ? target.substring(0, 160) + "…" : target)
                + (body == null ? "" : " " + (body.length() > 120 ? body.substring(0, 120) + "…" : body));
        if (status >= 500) {
            failures.add(status + " ← " + shown);
        } else if (answer[1].toLowerCase(Locale.ROOT).startsWith("text/html")
                && (target.startsWith("/api/") || target.startsWith("/v1/"))) {
            failures.add(status + " as an HTML page ← " + shown);
        }
    }

    /** One raw HTTP/1.1 exchange with this test's server on loopback: status, content type, body. */
    private String[] exchange(String method, String target, String body) throws IOException {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder()
                    .append(method)
                    .append(' ')
                    .append(target)
                    .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
                    .append(port)
                    .append("\r\nAuthorization: Bearer ")
                    .append(key)
                    .append("\r\nAccept: application/json\r\nConnection: close\r\n");
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ")
                        .append(payload.length)
                        .append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(payload);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String headers = end < 0 ? text : text.substring(0, end);
            String[] lines = headers.split("\r\n");
            String status = lines[0].split(" ")[1];
            String type = "";
            for (String line : lines) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    type = line.substring(13).trim();
                }
            }
            String content = end < 0 ? "" : text.substring(end + 4);
            if (headers.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                // Chunk sizes count bytes, not characters: undo the chunking before decoding.
                byte[] raw = all.toByteArray();
                int bodyStart = headers.getBytes(StandardCharsets.UTF_8).length + 4;
                content = unchunk(new String(raw, bodyStart, raw.length - bodyStart, StandardCharsets.ISO_8859_1));
                content = new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            }
            return new String[] {status, type, content};
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", i);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(i, lineEnd).trim().split(";")[0], 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            i = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
