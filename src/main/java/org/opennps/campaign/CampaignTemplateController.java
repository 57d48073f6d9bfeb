package org.opennps.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Ready campaigns for the common cases; add a {@code survey_id} and POST one to /campaigns. */
@RestController
class CampaignTemplateController {

    private final JsonNode templates;

    CampaignTemplateController(JsonMapper json) {
        try (InputStream in = new ClassPathResource("campaign-templates.json").getInputStream()) {
            this.templates = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/v1/campaign-templates")
    java.util.Map<String, JsonNode> templates(WorkspaceAccess access) {
        return java.util.Map.of("items", templates);
    }
}
