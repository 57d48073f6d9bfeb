package org.opennps.analytics;

import org.opennps.support.OnH2;

@OnH2
class AnalyticsEndToEndH2Test extends AnalyticsEndToEndTests {}
