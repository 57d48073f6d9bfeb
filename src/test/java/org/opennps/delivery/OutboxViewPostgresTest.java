package org.opennps.delivery;

import org.opennps.support.OnPostgres;

@OnPostgres
class OutboxViewPostgresTest extends OutboxViewTests {}
