package org.opennps.web;

import org.opennps.support.OnPostgres;

@OnPostgres
class DashboardBudgetPostgresTest extends DashboardBudgetTests {}
