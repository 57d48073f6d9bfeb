package org.opennps.scheduling;

import org.opennps.support.OnH2;

@OnH2
class SchedulingH2Test extends SchedulingTests {}
