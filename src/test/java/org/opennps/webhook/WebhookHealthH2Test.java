package org.opennps.webhook;

import org.opennps.support.OnH2;

@OnH2
class WebhookHealthH2Test extends WebhookHealthTests {}
