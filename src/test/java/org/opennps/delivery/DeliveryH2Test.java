package org.opennps.delivery;

import org.opennps.support.OnH2;

@OnH2
class DeliveryH2Test extends DeliveryTests {}
