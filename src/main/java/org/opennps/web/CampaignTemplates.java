package org.opennps.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ready campaigns the builder starts from: the same file the campaign module serves as
 * {@code GET /api/v1/campaign-templates}.
 */
@Component
class CampaignTemplates {

    private final List<JsonNode> templates = new ArrayList<>();

    CampaignTemplates(JsonMapper json) {
        try (InputStream in = new ClassPathResource("campaign-templates.json").getInputStream()) {
            json.readTree(in).forEach(templates::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> all() {
        return templates;
    }

    Optional<JsonNode> find(String key) {
        return templates.stream()
                .filter(t -> t.path("key").asString("").equals(key))
                .findFirst();
    }
}
