package org.opennps.campaign;

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
 * Ready campaigns for the common cases (after purchase, post-trial, exit survey, milestone), read
 * once from {@code campaign-templates.json}: served as {@code GET /api/v1/campaign-templates} and
 * offered by the admin builder. Add a {@code survey_id} and create one.
 */
@Component
public class CampaignTemplates {

    private final List<JsonNode> templates = new ArrayList<>();

    CampaignTemplates(JsonMapper json) {
        try (InputStream in = new ClassPathResource("campaign-templates.json").getInputStream()) {
            json.readTree(in).forEach(templates::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<JsonNode> all() {
        return List.copyOf(templates);
    }

    public Optional<JsonNode> find(String key) {
        return templates.stream()
                .filter(t -> t.path("key").asString("").equals(key))
                .findFirst();
    }
}
