package org.opennps.campaign;

import org.opennps.support.OnPostgres;

@OnPostgres
class PublicationRetryPostgresTest extends PublicationRetryTests {}
