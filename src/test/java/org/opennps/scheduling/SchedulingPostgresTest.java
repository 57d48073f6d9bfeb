package org.opennps.scheduling;

import org.opennps.support.OnPostgres;

@OnPostgres
class SchedulingPostgresTest extends SchedulingTests {}
