package org.opennps.delighted;

import org.opennps.support.OnPostgres;

@OnPostgres
class DelightedApiPostgresTest extends DelightedApiTests {}
