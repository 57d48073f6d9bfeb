package org.opennps.shared;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stored JSON object that is passed along as a map and parsed only when something reads it. A
 * journey hands its trigger's properties to the invitation it issues; most steps never look
 * inside them, and the invitation stores the same text again ({@link #json()}), so neither side
 * pays for parsing and writing it back. Read-only: the map is the text's content. For use on one
 * thread (a batch's), like the step that reads it.
 */
public final class JsonObjectText extends AbstractMap<String, Object> {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final String json;
    private final JsonMapper mapper;
    private Map<String, Object> parsed;

    public JsonObjectText(String json, JsonMapper mapper) {
        this.json = json == null || json.isBlank() ? "{}" : json;
        this.mapper = mapper;
    }

    /** The JSON text, as stored. */
    public String json() {
        return json;
    }

    /**
     * The JSON of {@code properties}: the stored text when it is one of these, else written by
     * {@code mapper}.
     */
    public static String write(Map<String, Object> properties, JsonMapper mapper) {
        if (properties instanceof JsonObjectText text) {
            return text.json;
        }
        return mapper.writeValueAsString(properties == null ? Map.of() : properties);
    }

    private Map<String, Object> content() {
        Map<String, Object> content = parsed;
        if (content == null) {
            content = Collections.unmodifiableMap(mapper.readValue(json, MAP));
            parsed = content;
        }
        return content;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return content().entrySet();
    }

    @Override
    public Object get(Object key) {
        return content().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return content().containsKey(key);
    }

    @Override
    public int size() {
        return content().size();
    }
}
