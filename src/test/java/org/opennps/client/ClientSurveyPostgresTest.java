package org.opennps.client;

import org.opennps.support.OnPostgres;

@OnPostgres
class ClientSurveyPostgresTest extends ClientSurveyTests {}
