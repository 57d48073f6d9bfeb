package org.opennps.event;

import org.opennps.support.OnH2;

@OnH2
class EventApiH2Test extends EventApiTests {}
