package org.opennps.analytics;

import org.opennps.support.OnH2;

@OnH2
class SamplingPlanH2Test extends SamplingPlanTests {}
