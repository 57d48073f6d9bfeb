package org.opennps.client;

import org.opennps.support.OnPostgres;

@OnPostgres
class WidgetNextBudgetPostgresTest extends WidgetNextBudgetTests {}
