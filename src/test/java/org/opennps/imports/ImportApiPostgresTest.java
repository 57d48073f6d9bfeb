package org.opennps.imports;

import org.opennps.support.OnPostgres;

@OnPostgres
class ImportApiPostgresTest extends ImportApiTests {}
