package org.opennps.respond;

import org.opennps.support.OnPostgres;

@OnPostgres
class RespondPagesPostgresTest extends RespondPagesTests {}
