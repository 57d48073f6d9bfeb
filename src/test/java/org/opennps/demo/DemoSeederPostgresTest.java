package org.opennps.demo;

import org.opennps.support.OnPostgres;

@OnPostgres
class DemoSeederPostgresTest extends DemoSeederTests {}
