package org.opennps.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ready campaigns for the common cases (after purchase, post-trial, exit survey, milestone), read
 * once from {@code campaign-templates.json}: served as {@code GET /api/v1/campaign-templates} and
 * offered by the admin builder. Add a {@code survey_id} and create one.
 */
@Component
public class CampaignTemplates {

    private final List<Template> templates;

    CampaignTemplates(JsonMapper json) {
        try (InputStream in = new ClassPathResource("campaign-templates.json").getInputStream()) {
            templates = List.of(json.readValue(in, Template[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Template> all() {
        return templates;
    }

    public Optional<Template> find(String key) {
        return templates.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /** A ready campaign: {@code campaign} lacks only its {@code survey_id}. */
    public record Template(String key, String name, String description, SaveCampaign campaign) {}
}
