package org.opennps.event;

import org.opennps.support.OnPostgres;

@OnPostgres
class EventApiPostgresTest extends EventApiTests {}
