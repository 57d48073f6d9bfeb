package org.opennps.webhook;

import org.opennps.support.OnPostgres;

@OnPostgres
class WebhookHealthPostgresTest extends WebhookHealthTests {}
