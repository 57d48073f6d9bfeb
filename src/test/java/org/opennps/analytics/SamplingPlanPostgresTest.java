package org.opennps.analytics;

import org.opennps.support.OnPostgres;

@OnPostgres
class SamplingPlanPostgresTest extends SamplingPlanTests {}
