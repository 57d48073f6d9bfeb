package org.opennps.response;

import org.opennps.support.OnPostgres;

@OnPostgres
class ResponseApiPostgresTest extends ResponseApiTests {}
