package org.opennps.team;

import org.opennps.support.OnH2;

@OnH2
class SsoH2Test extends SsoTests {}
