package org.opennps.delivery;

import org.opennps.support.OnPostgres;

@OnPostgres
class HealthPostgresTest extends HealthTests {}
