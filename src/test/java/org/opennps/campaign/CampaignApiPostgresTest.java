package org.opennps.campaign;

import org.opennps.support.OnPostgres;

@OnPostgres
class CampaignApiPostgresTest extends CampaignApiTests {}
