package org.opennps.survey;

import org.opennps.support.OnH2;

@OnH2
class SurveyApiH2Test extends SurveyApiTests {}
