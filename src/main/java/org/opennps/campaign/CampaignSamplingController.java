package org.opennps.campaign;

import java.util.UUID;
import org.opennps.workspace.WorkspaceAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The share a campaign samples, and for a precision target the intervals it gives per segment. */
@RestController
@RequestMapping("/api/v1")
class CampaignSamplingController {

    private final CampaignService campaigns;

    CampaignSamplingController(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @GetMapping("/campaigns/{id}/sampling")
    CampaignSampling sampling(WorkspaceAccess access, @PathVariable UUID id) {
        return campaigns.sampling(access.workspaceId(), id);
    }
}
