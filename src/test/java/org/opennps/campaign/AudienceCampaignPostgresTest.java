package org.opennps.campaign;

import org.opennps.support.OnPostgres;

@OnPostgres
class AudienceCampaignPostgresTest extends AudienceCampaignTests {}
