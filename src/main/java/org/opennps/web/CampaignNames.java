package org.opennps.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opennps.campaign.CampaignService;
import org.opennps.campaign.CampaignStatus;
import org.opennps.shared.PageResult;
import org.springframework.stereotype.Component;

/** The workspace's campaigns by id and name, for filters and labels. */
@Component
class CampaignNames {

    private final CampaignService campaigns;

    CampaignNames(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    List<Named> all(UUID workspaceId) {
        List<Named> list = new ArrayList<>();
        campaigns
                .list(workspaceId, PageResult.Request.of(1, PageResult.MAX_SIZE))
                .items()
                .forEach(c -> list.add(new Named(c.id(), c.name(), c.status() == CampaignStatus.ARCHIVED)));
        return list;
    }

    /** A campaign's id and name, and whether it is archived (filters still offer it). */
    record Named(UUID id, String name, boolean archived) {}
}
