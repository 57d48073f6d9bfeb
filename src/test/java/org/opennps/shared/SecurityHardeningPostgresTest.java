package org.opennps.shared;

import org.opennps.support.OnPostgres;

@OnPostgres
class SecurityHardeningPostgresTest extends SecurityHardeningTests {}
