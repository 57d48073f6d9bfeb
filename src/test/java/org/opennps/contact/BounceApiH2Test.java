package org.opennps.contact;

import org.opennps.support.OnH2;

@OnH2
class BounceApiH2Test extends BounceApiTests {}
