package org.opennps.campaign;

import org.opennps.support.OnH2;

@OnH2
class AudienceCampaignH2Test extends AudienceCampaignTests {}
