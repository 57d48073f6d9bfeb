package org.opennps.contact;

import org.opennps.support.OnPostgres;

@OnPostgres
class BounceApiPostgresTest extends BounceApiTests {}
