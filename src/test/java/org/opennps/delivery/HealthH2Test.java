package org.opennps.delivery;

import org.opennps.support.OnH2;

@OnH2
class HealthH2Test extends HealthTests {}
