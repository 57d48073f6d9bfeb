package org.opennps.delighted;

import org.opennps.support.OnH2;

@OnH2
class DelightedContractH2Test extends DelightedContractTests {}
