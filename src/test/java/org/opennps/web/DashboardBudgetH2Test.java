package org.opennps.web;

import org.opennps.support.OnH2;

@OnH2
class DashboardBudgetH2Test extends DashboardBudgetTests {}
