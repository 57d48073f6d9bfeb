package org.opennps.campaign;

import java.util.List;
import java.util.Map;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ready campaigns for the common cases; add a {@code survey_id} and POST one to /campaigns. */
@RestController
class CampaignTemplateController {

    private final CampaignTemplates templates;

    CampaignTemplateController(CampaignTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/api/v1/campaign-templates")
    Map<String, List<CampaignTemplates.Template>> templates(WorkspaceAccess access) {
        return Map.of("items", templates.all());
    }
}
