package org.opennps.demo;

import org.opennps.support.OnH2;

@OnH2
class DemoSeederH2Test extends DemoSeederTests {}
