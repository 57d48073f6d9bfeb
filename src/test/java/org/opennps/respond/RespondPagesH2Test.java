package org.opennps.respond;

import org.opennps.support.OnH2;

@OnH2
class RespondPagesH2Test extends RespondPagesTests {}
