package org.opennps.webhook;

import org.opennps.support.OnH2;

@OnH2
class WebhookPagesH2Test extends WebhookPagesTests {}
