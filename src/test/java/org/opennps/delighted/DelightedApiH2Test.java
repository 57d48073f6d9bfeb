package org.opennps.delighted;

import org.opennps.support.OnH2;

@OnH2
class DelightedApiH2Test extends DelightedApiTests {}
