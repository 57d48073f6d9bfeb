package org.opennps.client;

import org.opennps.support.OnH2;

@OnH2
class WidgetNextBudgetH2Test extends WidgetNextBudgetTests {}
