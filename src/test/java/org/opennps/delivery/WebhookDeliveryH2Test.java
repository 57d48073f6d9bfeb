package org.opennps.delivery;

import org.opennps.support.OnH2;

@OnH2
class WebhookDeliveryH2Test extends WebhookDeliveryTests {}
