package org.opennps.delivery;

import org.opennps.support.OnH2;

@OnH2
class OutboxViewH2Test extends OutboxViewTests {}
