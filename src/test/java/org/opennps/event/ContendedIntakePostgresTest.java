package org.opennps.event;

import org.opennps.support.OnPostgres;

@OnPostgres
class ContendedIntakePostgresTest extends ContendedIntakeTests {}
