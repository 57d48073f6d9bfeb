package org.opennps.event;

import org.opennps.support.OnH2;

@OnH2
class ContendedIntakeH2Test extends ContendedIntakeTests {}
