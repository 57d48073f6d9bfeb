package org.opennps.team;

import org.opennps.support.OnPostgres;

@OnPostgres
class SsoPostgresTest extends SsoTests {}
