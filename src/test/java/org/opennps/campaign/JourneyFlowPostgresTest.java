package org.opennps.campaign;

import org.opennps.support.OnPostgres;

@OnPostgres
class JourneyFlowPostgresTest extends JourneyFlowTests {}
