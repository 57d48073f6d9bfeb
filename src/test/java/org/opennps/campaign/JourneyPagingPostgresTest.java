package org.opennps.campaign;

import org.opennps.support.OnPostgres;

@OnPostgres
class JourneyPagingPostgresTest extends JourneyPagingTests {}
