package org.opennps.webhook;

import org.opennps.support.OnPostgres;

@OnPostgres
class WebhookPagesPostgresTest extends WebhookPagesTests {}
