package org.opennps.campaign;

import org.opennps.support.OnPostgres;

@OnPostgres
class ClientEventTriggerPostgresTest extends ClientEventTriggerTests {}
