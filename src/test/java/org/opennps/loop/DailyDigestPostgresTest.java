package org.opennps.loop;

import org.opennps.support.OnPostgres;

@OnPostgres
class DailyDigestPostgresTest extends DailyDigestTests {}
