package org.opennps.team;

import org.opennps.support.OnPostgres;

@OnPostgres
class TeamPostgresTest extends TeamTests {}
