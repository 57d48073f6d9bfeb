package org.opennps.delighted;

import org.opennps.support.OnPostgres;

@OnPostgres
class DelightedContractPostgresTest extends DelightedContractTests {}
