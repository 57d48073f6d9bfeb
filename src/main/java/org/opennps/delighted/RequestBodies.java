package org.opennps.delighted;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a request body the way Delighted's clients send it: JSON (the Node and Python clients)
 * or a form with nested keys such as {@code properties[plan]=pro} and {@code expand[]=person}
 * (the Ruby client, curl). A form becomes the JSON object it stands for, with string values.
 */
@Component
class RequestBodies {

    private static final List<MediaType> SUPPORTED =
            List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED);

    private final JsonMapper json;

    RequestBodies(JsonMapper json) {
        this.json = json;
    }

    JsonNode read(HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
        MediaType type = mediaType(request);
        if (type != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
            return fromForm(request.getParameterMap());
        }
        if (type != null
                && !MediaType.APPLICATION_JSON.isCompatibleWith(type)
                && !type.getSubtype().endsWith("+json")) {
            throw new HttpMediaTypeNotSupportedException(type, SUPPORTED);
        }
        String text = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("Malformed JSON", e, new ServletServerHttpRequest(request));
        }
    }

    private static MediaType mediaType(HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
        String header = request.getContentType();
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return MediaType.parseMediaType(header);
        } catch (IllegalArgumentException e) {
            throw new HttpMediaTypeNotSupportedException(e.getMessage());
        }
    }

    /** {@code a[b][c]=v} → {"a":{"b":{"c":"v"}}}; {@code a[]=v} and repeated keys → arrays. */
    static ObjectNode fromForm(Map<String, String[]> parameters) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        parameters.forEach((key, values) -> put(root, key, values));
        return root;
    }

    private static void put(ObjectNode root, String key, String[] values) {
        int open = key.indexOf('[');
        String head = open < 0 ? key : key.substring(0, open);
        String rest = open < 0 ? "" : key.substring(open);
        ObjectNode node = root;
        String name = head;
        while (rest.startsWith("[") && rest.indexOf(']') > 0) {
            String inner = rest.substring(1, rest.indexOf(']'));
            rest = rest.substring(rest.indexOf(']') + 1);
            if (inner.isEmpty()) {
                ArrayNode array = node.putArray(name);
                for (String v : values) {
                    array.add(v);
                }
                return;
            }
            JsonNode child = node.get(name);
            node = child instanceof ObjectNode object ? object : node.putObject(name);
            name = inner;
        }
        if (values.length == 1) {
            node.put(name, values[0]);
        } else {
            ArrayNode array = node.putArray(name);
            for (String v : values) {
                array.add(v);
            }
        }
    }
}
