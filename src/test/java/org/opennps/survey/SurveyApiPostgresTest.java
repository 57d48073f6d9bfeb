package org.opennps.survey;

import org.opennps.support.OnPostgres;

@OnPostgres
class SurveyApiPostgresTest extends SurveyApiTests {}
