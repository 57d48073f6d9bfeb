package org.opennps.campaign;

import org.opennps.support.OnH2;

@OnH2
class JourneyPagingH2Test extends JourneyPagingTests {}
