package org.opennps.campaign;

import org.opennps.support.OnPostgres;

@OnPostgres
class JourneyBatchPostgresTest extends JourneyBatchTests {}
