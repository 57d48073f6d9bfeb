package org.opennps.delivery;

import org.opennps.support.OnPostgres;

@OnPostgres
class WebhookDeliveryPostgresTest extends WebhookDeliveryTests {}
