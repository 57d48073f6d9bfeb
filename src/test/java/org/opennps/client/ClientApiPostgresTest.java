package org.opennps.client;

import org.opennps.support.OnPostgres;

@OnPostgres
class ClientApiPostgresTest extends ClientApiTests {}
