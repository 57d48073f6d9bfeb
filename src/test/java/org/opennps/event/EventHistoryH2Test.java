package org.opennps.event;

import org.opennps.support.OnH2;

@OnH2
class EventHistoryH2Test extends EventHistoryTests {}
